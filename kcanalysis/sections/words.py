"""The reports' words in Vietnamese and English (section titles, captions, findings)."""

from __future__ import annotations

import re

from kcanalysis.text import check_lang

SECTIONS = {
    "schedule": {"vi": "1. Có đúng tiến độ không?", "en": "1. On schedule?"},
    "purpose": {
        "vi": "2. Kinh phí có được dùng đúng mục đích không?",
        "en": "2. Were funds used for their purpose?",
    },
    "quality": {
        "vi": "3. Chất lượng và quy mô có được nâng lên không?",
        "en": "3. Did quality and scale improve?",
    },
    "quality_data": {"vi": "4. Chất lượng số liệu", "en": "4. Data quality"},
    "totals": {
        "vi": "1. Tổng hợp vùng so với số liệu đã công bố",
        "en": "1. Regional totals against published figures",
    },
    "ranking": {"vi": "2. Xếp hạng có khoảng tin cậy", "en": "2. Ranking with uncertainty"},
    "funnel": {"vi": "3. Biểu đồ phễu", "en": "3. Funnel plots"},
    "frontier": {"vi": "4. Đường biên hiệu quả (DEA)", "en": "4. The DEA frontier"},
    "merger": {
        "vi": "5. Theo đơn vị hành chính sau sáp nhập 2025",
        "en": "5. By the post-2025 units",
    },
}

W: dict[str, tuple[str, str]] = {
    "province_title": (
        "Đánh giá hoạt động khuyến công {name} {when}",
        "Industrial extension evaluation: {name}, {when}",
    ),
    "region_title": (
        "Tổng quan khuyến công vùng {name} {when}",
        "Industrial extension overview: {name}, {when}",
    ),
    "mk_normal": ("xấp xỉ phân phối chuẩn", "normal approximation"),
    "mk_exact": ("chính xác", "exact"),
    "title_meta": (
        "Kỳ báo cáo: {period} · Cấp: {levels} · Vùng: {region}",
        "Period: {period} · Levels: {levels} · Region: {region}",
    ),
    "summary": ("Tóm tắt kết quả", "Summary of findings"),
    "f_budget": (
        "Kinh phí khuyến công thực hiện {actual}, đạt {pct} kế hoạch.",
        "Extension spending was {actual}, {pct} of plan.",
    ),
    "f_budget_list": (
        "Kinh phí khuyến công thực hiện {actual}. Số liệu lấy từ danh sách đề án, không có "
        "số kế hoạch riêng nên không tính tỷ lệ đạt kế hoạch.",
        "Extension spending was {actual}. The figures come from a project list with no "
        "separate plan, so no share of plan is computed.",
    ),
    "plan_from_list": (
        "Không có số kế hoạch riêng cho: {names} (số liệu lấy từ danh sách đề án, nên kế "
        "hoạch chính là danh sách); không tính tỷ lệ đạt kế hoạch.",
        "No separate plan for: {names} (the figures come from a project list, which is "
        "its own plan); no share of plan is computed.",
    ),
    "median_rule": (
        "Trung vị vùng chỉ được tính khi ít nhất 3 tỉnh trong vùng có số liệu của chỉ tiêu "
        "(kỳ này có {n} tỉnh báo cáo kinh phí) và chỉ cho kinh phí và các đầu ra; “–” là "
        "chưa đủ số liệu để so sánh.",
        "A regional median is shown only when at least 3 provinces of the region report the "
        "figure (this period {n} report spending), and only for spending and outputs; “–” "
        "means too few figures to compare.",
    ),
    "f_on_time": (
        "{n}/{due} đề án đến hạn hoàn thành đúng tiến độ ({pct}).",
        "{n} of {due} projects due were finished on time ({pct}).",
    ),
    "f_disbursed": (
        "Giải ngân đạt {pct} kinh phí kế hoạch.",
        "Disbursement reached {pct} of the planned budget.",
    ),
    "f_cost_low": (
        "Chi phí cho một học viên {value} triệu đồng (giá so sánh), không cao hơn "
        "trung vị vùng ({median}).",
        "Cost per trainee {value} million VND (constant prices), at or below the "
        "regional median ({median}).",
    ),
    "f_cost_high": (
        "Chi phí cho một học viên {value} triệu đồng (giá so sánh), cao hơn trung "
        "vị vùng ({median}).",
        "Cost per trainee {value} million VND (constant prices), above the "
        "regional median ({median}).",
    ),
    "f_trend_down": (
        "Chi phí cho một học viên giảm khoảng {slope} triệu đồng mỗi năm (Mann–Kendall p = {p}).",
        "Cost per trainee fell by about {slope} million VND a year (Mann–Kendall p = {p}).",
    ),
    "f_trend_up": (
        "Chi phí cho một học viên tăng khoảng {slope} triệu đồng mỗi năm (Mann–Kendall p = {p}).",
        "Cost per trainee rose by about {slope} million VND a year (Mann–Kendall p = {p}).",
    ),
    "f_trend_none": (
        "Chi phí cho một học viên không có xu hướng rõ rệt: độ dốc ước lượng {slope} triệu "
        "đồng mỗi năm, khoảng tin cậy 95% từ {low} đến {high} (Mann–Kendall p = {p}).",
        "Cost per trainee shows no clear trend: the slope is {slope} million VND a year, "
        "with a 95% interval from {low} to {high} (Mann–Kendall p = {p}).",
    ),
    "f_dea": (
        "Hiệu quả DEA (CRS) so với các tỉnh trong vùng: {score}; tỉnh tham chiếu: {peers}.",
        "DEA efficiency (CRS) against the region's provinces: {score}; peers: {peers}.",
    ),
    "f_none": ("Không đủ số liệu để rút ra nhận định.", "Not enough data for findings."),
    "schedule_intro": (
        "So sánh thực hiện với kế hoạch, với cùng kỳ năm trước và với trung vị "
        "các tỉnh trong vùng. Tỷ lệ tổng hợp là tỷ số của các tổng.",
        "Actual against plan, against the same period last year and against "
        "the median of the region's provinces. Totals are ratios of sums.",
    ),
    "purpose_intro": (
        "Giải ngân so với kinh phí kế hoạch, và cơ cấu chi theo nội dung hoạt động.",
        "Disbursement against the planned budget, and spending by activity.",
    ),
    "quality_intro": (
        "Chi phí cho một đơn vị đầu ra (giá so sánh năm {base}), đòn bẩy vốn "
        "đối ứng, xu hướng, vị trí trên biểu đồ phễu và hiệu quả DEA.",
        "Cost per unit of output (constant {base} prices), leverage, trend, "
        "position on the funnel plot and DEA efficiency.",
    ),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "planned": ("Kế hoạch", "Plan"),
    "actual": ("Thực hiện", "Actual"),
    "fulfil": ("Đạt % KH", "% of plan"),
    "last_year": ("Cùng kỳ năm trước", "Last year"),
    "merger_unit": (
        "{name} là đơn vị hành chính mới từ ngày 1/7/2025, hợp nhất từ các tỉnh cũ {olds}.",
        "{name} is a new administrative unit from 1 July 2025, formed from the former "
        "provinces {olds}.",
    ),
    "merger_compare": (
        "So sánh với năm {year} là so sánh với tổng của các tỉnh cũ {olds}.",
        "The comparison with {year} is with the sum of the former provinces {olds}.",
    ),
    "merger_missing": (
        "Không so sánh với năm {year}: thiếu số liệu của tỉnh cũ {missing}; tổng của chỉ "
        "một phần các tỉnh cũ không được dùng.",
        "No comparison with {year}: the former province {missing} has no figures; a sum of "
        "only some of the former provinces is never used.",
    ),
    "merger_trend": (
        "Các năm trước 2025 là tổng của các tỉnh cũ {olds}; đường chấm đánh dấu ngày hợp "
        "nhất 1/7/2025.",
        "Years before 2025 are the sums of the former provinces {olds}; the dotted line "
        "marks the merger of 1 July 2025.",
    ),
    "t_pace": (
        "Tiến độ thực hiện chương trình khuyến công giai đoạn {a}–{b}",
        "Progress of the {a}–{b} industrial extension programme",
    ),
    "pace_years": ("Số năm đã qua", "Years done"),
    "pace_plan": ("Kinh phí kế hoạch cả giai đoạn", "Programme budget"),
    "pace_done": ("Đã thực hiện {a}–{year}", "Spent {a}–{year}"),
    "pace_share": ("Đạt % kế hoạch giai đoạn", "% of the programme budget"),
    "pace_needed": ("Cần bình quân mỗi năm còn lại", "Needed per remaining year"),
    "pace_note": (
        "Kinh phí khuyến công, triệu đồng, giá hiện hành; kế hoạch giai đoạn theo số liệu "
        "kế hoạch chương trình của đơn vị.",
        "Khuyến công funds, million VND, current prices; the programme budget is the unit's "
        "programme plan in the data.",
    ),
    "merger_mark": ("Hợp nhất 1/7/2025", "Merger, 1 July 2025"),
    "merger_old": (
        "Số liệu của tỉnh {name} trước ngày 1/7/2025; từ ngày đó tỉnh {name} hợp nhất vào {new}.",
        "Figures of the province of {name} before 1 July 2025; from that day {name} is "
        "part of {new}.",
    ),
    "cpi_carried": (
        "Chưa có chỉ số giá tiêu dùng năm {years}; giá so sánh dùng chỉ số năm {last}, năm "
        "mới nhất đã công bố.",
        "No consumer price index for {years} yet; constant prices use that of {last}, the "
        "latest published.",
    ),
    "pub_area": ("Tỉnh", "Province"),
    "former": ("{name} (tỉnh cũ, trước 1/7/2025)", "{name} (former province, before 1 July 2025)"),
    "change": ("Thay đổi", "Change"),
    "region_median": ("Trung vị vùng", "Regional median"),
    "activity": ("Nội dung", "Activity"),
    "share": ("Tỷ trọng", "Share"),
    "output": ("Đầu ra", "Output"),
    "reason": ("Ghi chú", "Note"),
    "year": ("Năm", "Year"),
    "period": ("Kỳ", "Period"),
    "source": ("Nguồn", "Source"),
    "t_fulfilment": (
        "Kết quả chính so với kế hoạch (tất cả các cấp, tất cả hoạt động)",
        "Headline results against plan (all levels, all activities)",
    ),
    "money_note": (
        "Kinh phí tính bằng triệu đồng; số người và số lượng tính theo đơn vị đếm.",
        "Money in million VND; people and other outputs are counts.",
    ),
    "c_plan_actual": (
        "Tỷ lệ thực hiện so với kế hoạch theo chỉ tiêu",
        "Actual as a share of plan, by indicator",
    ),
    "n_projects": ("Số đề án", "Projects"),
    "n_due": ("Số đề án đến hạn", "Projects due"),
    "n_on_time": ("Đúng hạn", "On time"),
    "n_late": ("Chậm", "Late"),
    "on_time": ("Tỷ lệ đúng hạn", "On-time rate"),
    "t_on_time": (
        "Hoàn thành đề án đúng tiến độ (theo ngày kết thúc kế hoạch và thực tế)",
        "On-time completion (planned against actual end dates)",
    ),
    "no_projects": (
        "Không có danh sách đề án cho kỳ này, nên không tính được tỷ lệ đúng hạn "
        "và khoảng tin cậy.",
        "No project list for this period, so on-time "
        "completion and confidence intervals cannot be computed.",
    ),
    "planned_budget": ("Kinh phí kế hoạch (triệu đồng)", "Planned budget (million VND)"),
    "disbursed": ("Đã giải ngân (triệu đồng)", "Disbursed (million VND)"),
    "disbursement": ("Tỷ lệ giải ngân", "Disbursement rate"),
    "t_disbursement": (
        "Giải ngân so với kinh phí kế hoạch",
        "Disbursement against the planned budget",
    ),
    "c_mix": (
        "Kinh phí khuyến công theo nội dung: kế hoạch và thực hiện (triệu đồng)",
        "Extension spending by activity: plan and actual (million VND)",
    ),
    "t_mix": (
        "Cơ cấu kinh phí theo nội dung hoạt động (triệu đồng)",
        "Spending by activity (million VND)",
    ),
    "cost_nominal": ("Triệu đồng/đơn vị (giá hiện hành)", "Million VND per unit (current)"),
    "cost_real": ("Triệu đồng/đơn vị (giá {base})", "Million VND per unit ({base} prices)"),
    "ci_low": ("Cận dưới 95%", "95% low"),
    "ci_high": ("Cận trên 95%", "95% high"),
    "t_cost": (
        "Chi phí khuyến công cho một đơn vị đầu ra, với khoảng tin cậy bootstrap 95%",
        "Extension money per unit of output, with 95% bootstrap intervals",
    ),
    "cost_note": (
        "Mỗi đầu ra chỉ được tính trên kinh phí khuyến công của các nội dung hoạt động tạo "
        "ra nó (cột “Nội dung tạo ra”), không phải trên toàn bộ kinh phí. Khoảng tin cậy "
        "lấy mẫu lại các đề án của những nội dung đó.",
        "Each output is charged only the extension money of the activities that produced "
        "it (column “Produced by”), not the whole budget. Intervals resample the projects "
        "of those activities.",
    ),
    "made_by": ("Nội dung tạo ra", "Produced by"),
    "cost_no_activity": (
        "số liệu không chia theo nội dung hoạt động nên không biết kinh phí nào tạo ra đầu "
        "ra này; không tính chi phí",
        "the figures are not broken down by activity, so the money that produced this "
        "output is unknown; no cost is computed",
    ),
    "cost_no_budget": (
        "thiếu kinh phí của một nội dung tạo ra đầu ra này; không tính chi phí",
        "the money of an activity that produced this output is missing; no cost is computed",
    ),
    "kc_funds": ("Kinh phí khuyến công (triệu đồng)", "Extension funds (million VND)"),
    "counterpart": ("Vốn đối ứng (triệu đồng)", "Counterpart funds (million VND)"),
    "leverage": ("Đồng đối ứng/đồng khuyến công", "Counterpart VND per extension VND"),
    "t_leverage": ("Đòn bẩy vốn đối ứng", "Leverage of counterpart funds"),
    "h_trend": ("Xu hướng qua các năm", "Trend over the years"),
    "cost_axis": ("Triệu đồng/học viên (giá {base})", "Million VND per trainee ({base} prices)"),
    "c_trend": (
        "Chi phí cho một học viên qua các năm, với đường Theil–Sen",
        "Cost per trainee over the years, with the Theil–Sen line",
    ),
    "trend_text": (
        "Độ dốc Theil–Sen {slope} triệu đồng/năm (khoảng tin cậy 95%: {low} đến "
        "{high}); Mann–Kendall τ = {tau}, p = {p} (n = {n}, tính {method}). "
        "Với chuỗi ngắn, kiểm định có ít lực; hãy đọc độ dốc và khoảng tin cậy.",
        "Theil–Sen slope {slope} million VND a year (95% CI {low} to {high}); "
        "Mann–Kendall τ = {tau}, p = {p} (n = {n}, {method}). Short series "
        "give the test little power; read the slope and its interval.",
    ),
    "no_trend": (
        "Chưa đủ ba năm số liệu cho kỳ này để ước lượng xu hướng.",
        "Fewer than three years of data for this period: no trend is estimated.",
    ),
    "h_funnel": ("Vị trí trên biểu đồ phễu của vùng", "Position on the regional funnel plot"),
    "c_funnel": (
        "Tỷ lệ đề án hoàn thành đúng hạn theo số đề án đến hạn, với giới hạn 95% và 99,8%",
        "On-time completion against projects due, with 95% and 99.8% limits",
    ),
    "funnel_text": (
        "Giới hạn theo phương pháp Wilson đảo (PHE Fingertips) quanh tỷ lệ chung "
        "của vùng. Tỉnh nằm ngoài giới hạn 99,8% mới thực sự khác thường.",
        "Inverted Wilson limits (PHE Fingertips) around the pooled regional rate. "
        "Only provinces outside the 99.8% limits are genuinely unusual.",
    ),
    "no_funnel": (
        "Không có danh sách đề án của các tỉnh cho kỳ này: không vẽ biểu đồ phễu.",
        "No project lists of the provinces for this period: no funnel plot.",
    ),
    "h_dea": ("Hiệu quả so với các tỉnh (DEA)", "Efficiency against the other provinces (DEA)"),
    "dea_intro": (
        "DEA hướng đầu vào với {n} tỉnh: đầu vào là kinh phí khuyến công (giá so "
        "sánh), đầu ra là số học viên và số cơ sở được hỗ trợ. CRS: lợi suất không "
        "đổi theo quy mô; VRS: lợi suất thay đổi.",
        "Input-oriented DEA over {n} provinces: input extension spending (constant "
        "prices); outputs trainees and establishments supported. CRS: constant "
        "returns to scale; VRS: variable.",
    ),
    "c_dea": (
        "Số học viên theo kinh phí khuyến công; các tỉnh hiệu quả (DEA CRS, hai đầu ra) "
        "được đánh dấu. Không vẽ đường biên: mô hình có hai đầu ra (học viên và cơ sở) nên "
        "không thể hiện được trên hình một đầu ra",
        "Trainees against extension spending; efficient provinces (DEA CRS, two outputs) "
        "marked. No frontier line: the model has two outputs (trainees and establishments), "
        "which a one-output chart cannot show",
    ),
    "trainees": ("Số học viên", "Trainees"),
    "scale": ("Hiệu quả quy mô", "Scale efficiency"),
    "peers": ("Tỉnh tham chiếu", "Peers"),
    "target_budget": ("Kinh phí mục tiêu (triệu đồng)", "Target spending (million VND)"),
    "t_dea": ("Hiệu quả DEA, tỉnh tham chiếu và mục tiêu", "DEA efficiency, peers and target"),
    "no_dea": (
        "Quá ít đơn vị có số liệu cho kỳ này để phân tích DEA (cần ít nhất 9).",
        "Too few units with data for this period for DEA (9 needed).",
    ),
    "t_malmquist": (
        "Chỉ số năng suất Malmquist từ {prev} đến {year}",
        "Malmquist productivity index from {prev} to {year}",
    ),
    "malmquist_note": (
        "M > 1: năng suất tăng. M = EC × TC (thay đổi hiệu quả × thay đổi công "
        "nghệ); EC = PEch × SEch.",
        "M > 1: productivity grew. M = EC × TC (efficiency change × technical "
        "change); EC = PEch × SEch.",
    ),
    "dq_sources": ("Nguồn số liệu của kỳ này:", "Sources of this period's figures:"),
    "dq_more": ("và {n} nguồn khác", "and {n} more"),
    "dq_totals": (
        "Các dòng tổng được tính từ số liệu chi tiết khi báo cáo không ghi tổng.",
        "Totals are computed from detail rows where a report gives none.",
    ),
    "dq_rows": ("{n} dòng số liệu.", "{n} rows of data."),
    "src_seed": (
        "Cục Công nghiệp địa phương, 16/09/2011",
        "Cục Công nghiệp địa phương (Agency for Regional Industry Development), 16 September 2011",
    ),
    "src_demo": (
        "Dữ liệu minh họa tổng hợp do chương trình kcanalysis sinh ra; không phải số liệu thực.",
        "Synthetic demonstration data made by the kcanalysis generator; not real data.",
    ),
    "dq_quarantined": (
        "{n} dòng trong tệp số liệu bị cách ly khi đọc và không được dùng trong báo cáo này; "
        "từng dòng và lý do ở bảng dưới đây:",
        "{n} rows of the data files were quarantined when read and are not used in this "
        "report; each row and its reason:",
    ),
    "q_file": ("Tệp", "File"),
    "q_cell": ("Ô", "Cell"),
    "q_reason": ("Lý do", "Reason"),
    "t_quarantined": (
        "Các dòng bị cách ly khi đọc tệp số liệu",
        "Rows quarantined when the data files were read",
    ),
    "dq_qualified": (
        "{n} giá trị có ghi chú định tính (hơn, dưới, khoảng).",
        "{n} values carry a qualifier (more than, less than, about).",
    ),
    "dq_missing": (
        "Thiếu kế hoạch: {plan} dòng; thiếu thực hiện: {actual} dòng.",
        "Plan missing in {plan} rows; actual missing in {actual} rows.",
    ),
    "dq_zero": (
        "Mẫu số bằng 0 hoặc thiếu cho kết quả trống kèm lý do, không bao giờ là 0.",
        "A zero or missing denominator gives an empty result with its reason, never 0.",
    ),
    "dq_published": (
        "Số liệu đã công bố của địa phương (số liệu thực, có nguồn):",
        "Published figures for this area (real, sourced):",
    ),
    "t_published": ("Số liệu khuyến công đã công bố", "Published khuyến công figures"),
}

_PERIOD = {
    "FY": ("Cả năm", "Full year"),
    "H2": ("6 tháng cuối năm", "July–December"),
    "Q1": ("Quý I", "First quarter"),
    "Q2": ("Quý II", "Second quarter"),
    "Q3": ("Quý III", "Third quarter"),
    "Q4": ("Quý IV", "Fourth quarter"),
}

#: Fixed phrases of the indicators' and methods' `reason` texts, in Vietnamese.
_REASON_PHRASES = (
    ("some resamples have a zero denominator total", "một số mẫu lặp có tổng mẫu số bằng 0"),
    ("BCa undefined; percentile interval used", "không tính được BCa; dùng khoảng phân vị"),
    ("all resamples give the same ratio", "mọi mẫu lặp cho cùng một tỷ số"),
    ("no interval", "không có khoảng tin cậy"),
    ("fewer than 2 projects", "ít hơn 2 đề án"),
    ("no project due by", "không có đề án đến hạn trước"),
    (
        "no project with known planned and actual end dates",
        "không có đề án nào biết cả ngày kết thúc theo kế hoạch và thực tế",
    ),
    ("every project cancelled", "mọi đề án đều bị hủy"),
    ("khuyến công spending", "kinh phí khuyến công thực hiện"),
    ("planned budget", "kinh phí kế hoạch"),
    ("counterpart funds", "vốn đối ứng"),
    ("previous value", "giá trị năm trước"),
    ("disbursement", "giải ngân"),
    (" is zero", " bằng 0"),
    (" not reported", " không được báo cáo"),
    (" is missing", " bị thiếu"),
)


#: Reasons with figures in them: (pattern, Vietnamese template).
_REASON_PATTERNS = (
    (
        re.compile(r"no CPI for the data's years \(CPI table covers (\d{4})-(\d{4})\)"),
        r"không có chỉ số giá tiêu dùng cho các năm của số liệu (bảng CPI có các năm \1–\2)",
    ),
    (
        re.compile(r"no CPI for (\d{4}) \(CPI table covers (\d{4})-(\d{4})\)"),
        r"chưa có chỉ số giá tiêu dùng năm \1 (bảng CPI có các năm \2–\3)",
    ),
    (
        re.compile(r"no constant prices for a multi-year total \(spending by year unknown\)"),
        "không tính được theo giá so sánh cho tổng nhiều năm (không rõ chi tiêu từng năm)",
    ),
    (re.compile(r"no value for (\d{4})"), r"không có số liệu năm \1"),
    (
        re.compile(r"no project due by (\d{4})-(\d{2})-(\d{2})"),
        r"không có đề án đến hạn trước \3/\2/\1",
    ),
)


def translate_reason(text: object, lang: str) -> str:
    """Return a `reason` text of the indicators in `lang` (English texts are kept as is)."""
    from kcanalysis import vocab

    text = "" if text is None or text != text else str(text)
    if check_lang(lang) == "en" or not text:
        return text
    for pattern, vi in _REASON_PATTERNS:
        text = pattern.sub(vi, text)
    pairs = list(_REASON_PHRASES)
    for term in vocab.INDICATORS.values():
        name = term.en.lower()
        pairs.append((f"planned number of {name}", f"{term.vi.lower()} kế hoạch"))
        pairs.append((f"number of {name}", term.vi.lower()))
        pairs.append((f"planned {name}", f"{term.vi.lower()} kế hoạch"))
        pairs.append((f"actual {name}", term.vi.lower()))
    for en, vi in sorted(pairs, key=lambda p: -len(p[0])):
        text = text.replace(en, vi)
    return text


#: The 2011 article the project started from, as a reader cites it: publisher and date.
SEED_ARTICLE = "seed article"


def source_label(source: str, lang: str) -> str:
    """Return a `source` text for readers: the demo generator's mark in `lang`, the seed
    article as its publisher and date (Cục Công nghiệp địa phương, 16/09/2011)."""
    from kcanalysis.datasets import SYNTHETIC_MARK

    source = "" if source is None or source != source else str(source)
    if SYNTHETIC_MARK in source and source.startswith(SYNTHETIC_MARK):
        return say("src_demo", lang)
    if source.startswith(SEED_ARTICLE):
        return say("src_seed", lang)
    return source


def period_in_title(period: str, year: int, lang: str) -> str:
    """The report's period and year as a title says them: "năm 2024",
    "8 tháng đầu năm 2011", "quý I năm 2024" / "2024", "January–August 2011"."""
    if check_lang(lang) == "en":
        return str(year) if period == "FY" else f"{period_label(period, lang)} {year}"
    if period == "FY":
        return f"năm {year}"
    words = period_label(period, lang)
    words = words[0].lower() + words[1:]
    return f"{words} {year}" if words.endswith("năm") else f"{words} năm {year}"


def say(key: str, lang: str, **fields: str) -> str:
    """Return the phrase `key` in `lang` with `fields` filled in."""
    text = W[key][0 if check_lang(lang) == "vi" else 1]
    return text.format(**fields) if fields else text


def period_label(period: str, lang: str) -> str:
    """Return a period in words: "M8" -> "8 tháng đầu năm" / "January–August"."""
    vi = check_lang(lang) == "vi"
    if period in _PERIOD:
        return _PERIOD[period][0 if vi else 1]
    m = re.fullmatch(r"M(\d+)", period)
    if m:
        n = int(m.group(1))
        months = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
        ]
        return f"{n} tháng đầu năm" if vi else f"January–{months[n - 1]}"
    m = re.fullmatch(r"P(\d{4})-(\d{4})", period)
    if m:
        return f"Giai đoạn {m.group(1)}–{m.group(2)}" if vi else f"{m.group(1)}–{m.group(2)}"
    return period


_PARAM_WORDS = {
    "province": ("Tỉnh", "Province"),
    "region": ("Vùng", "Region"),
    "year": ("Năm", "Year"),
    "period": ("Kỳ", "Period"),
    "lang": ("Ngôn ngữ", "Language"),
    "data": ("Tệp số liệu", "Data files"),
    "base_year": ("Năm gốc của giá so sánh", "Price base year"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
}


def params_in_words(params: dict, lang: str) -> str:
    """The report's parameters as a reader reads them: names and periods in words, in
    `lang` ("Tỉnh: Đắk Lắk (mã 66); Năm: 2024; Kỳ: Cả năm; ...")."""
    from kcanalysis import provinces
    from kcanalysis.errors import KcAnalysisError

    vi = check_lang(lang) == "vi"
    year, period = int(params.get("year", 2024)), str(params.get("period", "FY"))
    parts = []
    for key, value in params.items():
        if key in ("province", "region") and value:
            try:
                name = provinces.area_label(str(value), year, lang, period)
            except (KcAnalysisError, KeyError, ValueError):  # the raw value is shown as given
                name = str(value)
            code = f" ({'mã' if vi else 'code'} {value})" if key == "province" else ""
            text = name + code
        elif key == "period":
            text = period_label(str(value), lang)
        elif key == "lang":
            text = {"vi": ("tiếng Việt", "Vietnamese"), "en": ("tiếng Anh", "English")}[str(value)][
                0 if vi else 1
            ]
        elif key == "data":
            text = ", ".join(str(v).replace("\\", "/").rsplit("/", 1)[-1] for v in value) or (
                "số liệu có sẵn của chương trình" if vi else "the built-in data"
            )
        elif value in ("", None):
            continue
        else:
            text = str(value)
        label = _PARAM_WORDS.get(key, (key, key))[0 if vi else 1]
        parts.append(f"{label}: {text}")
    return "; ".join(parts)
