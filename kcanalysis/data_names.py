"""Names of the built-in data, importable without pandas (parameters, run files, CLI)."""

#: In a `data` list (``data: [own.xlsx, builtin]``, ``--with-builtin``): the built-in
#: demo panel beside the user's files, for the territories the files do not cover.
BUILTIN = "builtin"
#: The files that `BUILTIN` stands for (hashed and watched like a user's files).
BUILTIN_FILES = ("demo_facts.csv", "demo_projects.csv")
