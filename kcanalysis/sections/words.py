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
    "provinces": {"vi": "1. Số liệu chính theo tỉnh", "en": "1. Key figures by province"},
    "totals": {
        "vi": "1. Tổng hợp vùng so với số liệu đã công bố",
        "en": "1. Regional totals against published figures",
    },
    "ranking": {"vi": "2. Xếp hạng có khoảng tin cậy", "en": "2. Ranking with uncertainty"},
    "funnel": {"vi": "3. Biểu đồ phễu", "en": "3. Funnel plots"},
    "frontier": {"vi": "4. Đường biên hiệu quả", "en": "4. The efficiency frontier"},
    "verdict_all": {"vi": "Đánh giá chung và kiến nghị", "en": "Overall assessment and advice"},
    "appendix": {"vi": "Phụ lục phương pháp", "en": "Methods appendix"},
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
        "Kỳ báo cáo: {period} · Cấp: {levels} · Vùng: {region} · Căn cứ: {basis}",
        "Period: {period} · Levels: {levels} · Region: {region} · Basis: {basis}",
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
    "r_no": ("Số thứ tự", "No."),
    "r_budget_plan": ("Kinh phí kế hoạch", "Planned spending"),
    "r_budget_actual": ("Kinh phí thực hiện", "Actual spending"),
    "r_on_time": ("Đúng hạn/đến hạn", "On time/due"),
    "r_models": ("Số mô hình", "Models"),
    "r_events": ("Số cuộc", "Events"),
    "r_cost": ("Triệu đồng/học viên", "Million VND per trainee"),
    "t_provinces": ("Số liệu chính theo tỉnh", "Key figures by province"),
    "h_provinces": ("Số liệu chính theo tỉnh", "Key figures by province"),
    "r_provinces_note": (
        "Kinh phí tính bằng triệu đồng, giá hiện hành. Chi phí cho một học viên ở đây là toàn "
        "bộ kinh phí khuyến công chia cho số học viên. Số thứ tự của tỉnh cũng được ghi "
        "trên các biểu đồ.",
        "Money in million VND, current prices. Cost per trainee here is all khuyến công "
        "money over all trainees. The province's number is also written on the charts.",
    ),
    "s_n": ("{n} tỉnh có số liệu trong kỳ.", "{n} provinces have figures this period."),
    "s_budget": (
        "Kinh phí khuyến công thực hiện của các tỉnh: {actual}, đạt {pct} kế hoạch (các tỉnh "
        "có kế hoạch).",
        "The provinces spent {actual} of extension money, {pct} of plan (provinces with a plan).",
    ),
    "s_budget_only": (
        "Kinh phí khuyến công thực hiện của các tỉnh: {actual}.",
        "The provinces spent {actual} of extension money.",
    ),
    "s_trainees": ("Số học viên: {n}.", "Trainees: {n}."),
    "s_on_time": (
        "{n}/{due} đề án đến hạn hoàn thành đúng hạn ({pct}).",
        "{n} of {due} projects due were on time ({pct}).",
    ),
    "s_cost": (
        "Trung vị của các tỉnh về chi phí cho một học viên (toàn bộ kinh phí chia cho số học "
        "viên): {value} triệu đồng.",
        "The provinces' median cost per trainee (all the money over the trainees): {value} "
        "million VND.",
    ),
    "s_fifteen": (
        "Vùng có 15 tỉnh theo các nguồn năm 2013 và 2023 (từ Quảng Bình đến Ninh Thuận, cùng "
        "Kon Tum, Gia Lai, Đắk Lắk, Đắk Nông, Lâm Đồng). Bài báo ngày 16/09/2011 nói 14 tỉnh "
        "mà không nêu tên; không rõ tỉnh nào không được tính nên báo cáo không đoán.",
        "The region has 15 provinces in the 2013 and 2023 sources (Quảng Bình to Ninh "
        "Thuận, plus Kon Tum, Gia Lai, Đắk Lắk, Đắk Nông, Lâm Đồng). The article of 16 "
        "September 2011 speaks of 14 without naming them; which one was left out is not "
        "known, so none is guessed.",
    ),
    "folded": (
        "Kỳ này không có: {names}. Lý do: {reason}",
        "Not in this period: {names}. Why: {reason}",
    ),
    "h_peers": ("So sánh với các tỉnh khác", "Comparison with the other provinces"),
    "no_peers": (
        "Số liệu đang dùng chỉ có {n} tỉnh trong vùng nên không so sánh được với các tỉnh "
        "khác (trung vị vùng, biểu đồ phễu, hiệu quả so với các tỉnh); cần số liệu của ít "
        "nhất 3 tỉnh. Để so sánh, thêm tệp của các tỉnh khác bằng tùy chọn --data (mỗi tệp "
        "một lần), hoặc chạy báo cáo không kèm --data để dùng bộ số liệu có sẵn.",
        "The data hold only {n} province(s) of the region, so there is no comparison with "
        "the others (regional median, funnel plot, efficiency); at least 3 are needed. To "
        "compare, add the other provinces' files with --data (once per file), or run the "
        "report without --data to use the built-in panel.",
    ),
    "no_outputs": (
        "Số liệu không có đầu ra nào (học viên, mô hình, cơ sở, việc làm) nên không tính được "
        "chi phí cho một đơn vị đầu ra.",
        "The figures report no output (trainees, models, establishments, jobs), so there is "
        "no cost per unit of output.",
    ),
    "no_due": (
        "Chưa tính được tỷ lệ đúng hạn: {reason}.",
        "No on-time rate: {reason}.",
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
        "Toàn bộ kinh phí khuyến công chia cho số học viên là {value} triệu đồng một học "
        "viên (giá so sánh), không cao hơn trung vị vùng ({median}).",
        "All extension money over the trainees is {value} million VND a trainee (constant "
        "prices), at or below the regional median ({median}).",
    ),
    "f_cost_high": (
        "Toàn bộ kinh phí khuyến công chia cho số học viên là {value} triệu đồng một học "
        "viên (giá so sánh), cao hơn trung vị vùng ({median}).",
        "All extension money over the trainees is {value} million VND a trainee (constant "
        "prices), above the regional median ({median}).",
    ),
    "f_trend_down": (
        "Tổng kinh phí cho một học viên giảm khoảng {slope} triệu đồng mỗi năm (kiểm định "
        "xu hướng: p = {p}).",
        "Total spending per trainee fell by about {slope} million VND a year (trend test: "
        "p = {p}).",
    ),
    "f_trend_up": (
        "Tổng kinh phí cho một học viên tăng khoảng {slope} triệu đồng mỗi năm (kiểm định "
        "xu hướng: p = {p}).",
        "Total spending per trainee rose by about {slope} million VND a year (trend test: "
        "p = {p}).",
    ),
    "f_trend_none": (
        "Tổng kinh phí cho một học viên không có xu hướng rõ rệt: độ dốc ước lượng {slope} "
        "triệu đồng mỗi năm, khoảng tin cậy 95% từ {low} đến {high} (kiểm định xu hướng: "
        "p = {p}).",
        "Total spending per trainee shows no clear trend: the slope is {slope} million VND a "
        "year, with a 95% interval from {low} to {high} (trend test: p = {p}).",
    ),
    "f_dea": (
        "Với cùng số học viên và cơ sở được hỗ trợ, mức kinh phí của tỉnh tham chiếu "
        "({peers}) là {target} triệu đồng, bằng {pct} kinh phí của tỉnh.",
        "For the same trainees and establishments, the reference provinces ({peers}) "
        "would spend {target} million VND, {pct} of the province's spending.",
    ),
    "f_dea_best": (
        "Không tỉnh nào trong vùng đạt cùng số học viên và cơ sở được hỗ trợ với ít kinh "
        "phí hơn: tỉnh nằm trên đường biên hiệu quả của vùng.",
        "No province of the region reaches the same trainees and establishments with less "
        "money: the province is on the region's efficiency frontier.",
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
        "đối ứng, xu hướng, vị trí trên biểu đồ phễu và hiệu quả so với các tỉnh.",
        "Cost per unit of output (constant {base} prices), leverage, trend, "
        "position on the funnel plot and efficiency against the other provinces.",
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
    "pace_done_one": ("Đã thực hiện năm {year}", "Spent in {year}"),
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
        "Chi phí khuyến công cho một đơn vị đầu ra, với khoảng tin cậy 95%",
        "Extension money per unit of output, with 95% intervals",
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
    "boot_census": (
        "Danh sách đề án là toàn bộ các đề án chứ không phải một mẫu, nên khoảng này thể "
        "hiện mức dao động do cơ cấu các đề án, không phải sai số chọn mẫu.",
        "The project list is a census, not a sample, so the interval shows the spread from "
        "the mix of projects, not sampling error.",
    ),
    "boot_rough": (
        "Với {n} đề án (dưới 20), khoảng này chỉ là ước lượng thô.",
        "With {n} projects (fewer than 20) the interval is rough.",
    ),
    "boot_rough_list": (
        "Các tỉnh có dưới 20 đề án, khoảng chỉ là ước lượng thô: {names}.",
        "Provinces with fewer than 20 projects, whose intervals are rough: {names}.",
    ),
    "kc_funds": ("Kinh phí khuyến công (triệu đồng)", "Extension funds (million VND)"),
    "counterpart": ("Vốn đối ứng (triệu đồng)", "Counterpart funds (million VND)"),
    "leverage": ("Đồng đối ứng/đồng khuyến công", "Counterpart VND per extension VND"),
    "t_leverage": ("Đòn bẩy vốn đối ứng", "Leverage of counterpart funds"),
    "h_trend": ("Xu hướng qua các năm", "Trend over the years"),
    "cost_axis": ("Triệu đồng/học viên (giá {base})", "Million VND per trainee ({base} prices)"),
    "c_trend": (
        "Tổng kinh phí cho một học viên qua các năm, với đường xu hướng",
        "Total spending per trainee over the years, with the trend line",
    ),
    "spend_per_trainee_def": (
        "Tổng kinh phí cho một học viên là toàn bộ kinh phí khuyến công (kể cả máy móc "
        "và mô hình trình diễn) chia cho số học viên.",
        "Total spending per trainee is all khuyến công spending (machinery and "
        "demonstration models included) divided by the number of trainees.",
    ),
    "trend_level": (
        "Đường xu hướng dốc {slope} triệu đồng mỗi năm (khoảng tin cậy 95%: {low} đến {high}).",
        "Theil–Sen slope {slope} million VND a year (95% CI {low} to {high}).",
    ),
    "trend_growth": (
        "Tính theo tốc độ: {pct}% mỗi năm (khoảng tin cậy 95%: {low} đến {high}).",
        "As a rate: {pct}% a year (95% CI {low} to {high}; Theil–Sen slope of the log of "
        "the cost).",
    ),
    "trend_mk": (
        "Kiểm định xu hướng cho τ = {tau}, p = {p} ({n} năm, tính {method}). Với chuỗi "
        "ngắn, kiểm định có ít lực; hãy đọc độ dốc và khoảng tin cậy. Cách tính ở Phụ lục "
        "phương pháp.",
        "Mann–Kendall τ = {tau}, p = {p} (n = {n}, {method}). Short series give the test "
        "little power; read the slope and its interval.",
    ),
    "trend_mk_short": (
        "Chỉ có {n} năm số liệu: với dưới 5 năm, kiểm định xu hướng không thể cho p dưới "
        "5% nên không được báo cáo; hãy đọc độ dốc và khoảng tin cậy.",
        "Only {n} years of data: below 5 years the Mann–Kendall test cannot give p below "
        "5%, so it is not reported; read the slope and its interval.",
    ),
    "f_trend_down_short": (
        "Tổng kinh phí cho một học viên giảm khoảng {slope} triệu đồng mỗi năm (chỉ {n} năm số "
        "liệu, chưa đủ để kiểm định xu hướng).",
        "Total spending per trainee fell by about {slope} million VND a year (only {n} years of "
        "data, too few for a Mann–Kendall test).",
    ),
    "f_trend_up_short": (
        "Tổng kinh phí cho một học viên tăng khoảng {slope} triệu đồng mỗi năm (chỉ {n} năm số "
        "liệu, chưa đủ để kiểm định xu hướng).",
        "Total spending per trainee rose by about {slope} million VND a year (only {n} years of "
        "data, too few for a Mann–Kendall test).",
    ),
    "f_trend_none_short": (
        "Tổng kinh phí cho một học viên không có xu hướng rõ rệt: độ dốc ước lượng {slope} triệu "
        "đồng mỗi năm, khoảng tin cậy 95% từ {low} đến {high} (chỉ {n} năm số liệu, chưa "
        "đủ để kiểm định xu hướng).",
        "Total spending per trainee shows no clear trend: the slope is {slope} million VND a year, "
        "with a 95% interval from {low} to {high} (only {n} years of data, too few for a "
        "Mann–Kendall test).",
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
    "funnel_text_exact": (
        "Các đường giới hạn cho biết tỷ lệ đúng hạn có thể dao động bao nhiêu quanh tỷ lệ "
        "chung của vùng chỉ do ngẫu nhiên (tính chính xác theo số đề án đến hạn; tỉnh ít đề "
        "án dao động nhiều hơn). Tỉnh nằm ngoài giới hạn 99,8% khác biệt nhiều hơn mức mà "
        "ngẫu nhiên có thể giải thích: đó là dấu hiệu cần xem xét, chưa phải kết luận. Cách "
        "tính ở Phụ lục phương pháp.",
        "Exact binomial limits (Spiegelhalter 2005) around the pooled regional rate. A "
        "province outside the 99.8% limits differs by more than chance alone would "
        "explain: a signal to look into, not a verdict.",
    ),
    "funnel_few": (
        "Với {n} tỉnh, chưa đủ để ước lượng mức phân tán thêm giữa các tỉnh (cần ít nhất "
        "10), nên giới hạn chưa tính đến phần phân tán đó.",
        "With {n} provinces there are too few to estimate extra variation between "
        "provinces (10 needed), so the limits do not allow for it.",
    ),
    "funnel_no_od": (
        "Các tỉnh không phân tán hơn mức ngẫu nhiên (φ = {phi}), nên không cần nới rộng giới hạn.",
        "The provinces vary no more than chance (φ = {phi}), so the limits are not widened.",
    ),
    "funnel_text_od": (
        "Các tỉnh phân tán hơn mức ngẫu nhiên (φ = {phi}), nên giới hạn quanh tỷ lệ chung "
        "của vùng được nới rộng thêm phần chênh lệch thường gặp giữa các tỉnh (τ² = {tau2}). "
        "Tỉnh nằm ngoài giới hạn 99,8% khác biệt nhiều hơn cả mức chênh lệch thường gặp "
        "giữa các tỉnh: đó là dấu hiệu cần xem xét, chưa phải kết luận. Cách tính ở Phụ lục "
        "phương pháp.",
        "The provinces vary more than chance (φ = {phi}), so the limits around the pooled "
        "regional rate are widened by a between-province variance τ² = {tau2} added to "
        "the binomial variance (Spiegelhalter 2005's additive method, as in FunnelPlotR). "
        "A province outside the 99.8% limits differs by more than the usual variation "
        "between provinces: a signal to look into, not a verdict.",
    ),
    "no_funnel": (
        "Không có danh sách đề án của các tỉnh cho kỳ này: không vẽ biểu đồ phễu.",
        "No project lists of the provinces for this period: no funnel plot.",
    ),
    "h_dea": ("Hiệu quả so với các tỉnh", "Efficiency against the other provinces"),
    "dea_intro": (
        "So sánh với {n} tỉnh: với cùng số học viên và số cơ sở được hỗ trợ, các tỉnh tham "
        "chiếu cho biết mức kinh phí khuyến công (giá so sánh) thấp nhất đã đạt được trong "
        "vùng. Điểm 1 là không tỉnh nào làm được với ít kinh phí hơn; điểm 0,6 là các tỉnh "
        "tham chiếu chỉ cần 60% kinh phí. Cách tính ở Phụ lục phương pháp.",
        "Compared with {n} provinces: for the same trainees and establishments supported, "
        "the reference provinces show the least extension money (constant prices) spent "
        "in the region. A score of 1 means no province did it with less; 0.6 means the "
        "reference provinces needed 60% of the money. See the methods appendix.",
    ),
    "c_dea": (
        "Số học viên theo kinh phí khuyến công; các tỉnh có điểm hiệu quả 1 được đánh dấu. "
        "Không vẽ đường biên: phép so sánh dùng hai đầu ra (học viên và cơ sở) nên không "
        "thể hiện được trên hình một đầu ra",
        "Trainees against extension spending; provinces scoring 1 are marked. No frontier "
        "line: the comparison uses two outputs (trainees and establishments), which a "
        "one-output chart cannot show",
    ),
    "trainees": ("Số học viên", "Trainees"),
    "scale": ("Hiệu quả quy mô", "Scale efficiency"),
    "peers": ("Tỉnh tham chiếu", "Peers"),
    "crs": ("Điểm hiệu quả chung", "Overall efficiency"),
    "vrs": ("Điểm hiệu quả kỹ thuật (cùng quy mô)", "Technical efficiency (same scale)"),
    "m_index": ("Thay đổi năng suất", "Productivity change"),
    "m_ec": ("Thay đổi hiệu quả", "Efficiency change"),
    "m_tc": ("Thay đổi công nghệ", "Technical change"),
    "m_pe": ("Hiệu quả kỹ thuật", "Pure efficiency"),
    "m_se": ("Hiệu quả quy mô", "Scale efficiency"),
    "no_dea": (
        "Quá ít đơn vị có số liệu cho kỳ này để so sánh hiệu quả (cần ít nhất 9).",
        "Too few units with data for this period for DEA (9 needed).",
    ),
    "dea_limits": (
        "Giới hạn của phương pháp: chỉ một đầu vào (kinh phí) và hai đầu ra (học viên, cơ "
        "sở được hỗ trợ), với {n} tỉnh; điểm hiệu quả chỉ so sánh các tỉnh với nhau, không đo "
        "chất lượng đào tạo hay tác động lâu dài.",
        "The method's limits: one input (spending) and two outputs (trainees, "
        "establishments supported), over {n} provinces; DEA scores only compare the "
        "provinces with each other and do not measure the quality of training or lasting "
        "effects.",
    ),
    "dea_loo": (
        "Độ nhạy: khi bỏ tỉnh hiệu quả nhất ({name}), {k} trong {n} tỉnh còn lại có điểm "
        "hiệu quả chung thay đổi hơn 0,1.",
        "Sensitivity: without the most efficient province ({name}), {k} of the other {n} "
        "provinces' CRS scores move by more than 0.1.",
    ),
    "dea_left_out": (
        "Không đưa vào so sánh hiệu quả: {items}.",
        "Left out of the DEA: {items}.",
    ),
    "frontier_budget": (
        "Kinh phí trên đường biên cho cùng đầu ra (triệu đồng)",
        "Frontier spending for the same outputs (million VND)",
    ),
    "frontier_note": (
        "Kinh phí trên đường biên là mức kinh phí mà tổ hợp các tỉnh tham chiếu dùng để đạt "
        "cùng số học viên và số cơ sở được hỗ trợ; đây là mốc so sánh, không phải khoản có "
        "thể tiết kiệm.",
        "Frontier spending is what the peer provinces, combined, spend to reach the same "
        "numbers of trainees and establishments supported; it is a benchmark, not a saving "
        "that could be made.",
    ),
    "t_dea_v2": (
        "Điểm hiệu quả, tỉnh tham chiếu và kinh phí trên đường biên",
        "DEA efficiency, peers and frontier spending",
    ),
    "t_malmquist": (
        "Thay đổi năng suất từ {prev} đến {year}",
        "Malmquist productivity index from {prev} to {year}",
    ),
    "malmquist_note": (
        "Trên 1: năng suất tăng. Thay đổi năng suất = thay đổi hiệu quả × thay đổi công "
        "nghệ; thay đổi hiệu quả = hiệu quả kỹ thuật × hiệu quả quy mô. Cách tính ở Phụ "
        "lục phương pháp.",
        "M > 1: productivity grew. M = EC × TC (efficiency change × technical "
        "change); EC = PEch × SEch.",
    ),
    "malmquist_refused": (
        "Không tính chỉ số Malmquist vì {reason}: so sánh theo giá hiện hành sẽ tính cả "
        "lạm phát vào thay đổi công nghệ.",
        "No Malmquist index because there is {reason}: at current prices inflation would "
        "count as technical change.",
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
    ("single project: shown unshrunk", "chỉ có một đề án: giữ nguyên, không co rút"),
    (
        "sampling variance is zero (every project has the same unit cost): not shrunk",
        "phương sai lấy mẫu bằng 0 (mọi đề án có cùng chi phí đơn vị): không co rút",
    ),
    ("sampling variance unknown: not shrunk", "không biết phương sai lấy mẫu: không co rút"),
    (
        "fewer than 2 provinces with a sampling variance: not shrunk",
        "ít hơn 2 tỉnh có phương sai lấy mẫu: không co rút",
    ),
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
    if check_lang(lang) == "vi":  # the reader's row references: "f.xlsx!Sheet1 rows 5-9"
        source = _ROWS.sub(r"\1 dòng ", source)
        source = _PROJECTS.sub(r"(\1 đề án)", source).replace(" ranges)", " đoạn)")
    return source


_ROWS = re.compile(r"(![^;]*?) rows? (?=\d)")
_PROJECTS = re.compile(r"\((\d+) projects?\)")


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


#: One-line verdicts, the closing assessment and the methods appendix.
V: dict[str, tuple[str, str]] = {
    "v_late": (
        "Chậm tiến độ: {late} trong {due} đề án đến hạn bị trễ.",
        "Behind schedule: {late} of {due} projects due were late.",
    ),
    "v_on_time": (
        "Đúng tiến độ: cả {due} đề án đến hạn đều hoàn thành đúng hạn.",
        "On schedule: all {due} projects due were finished on time.",
    ),
    "v_plan_met": (
        "Đạt kế hoạch: kinh phí thực hiện bằng {pct} kế hoạch.",
        "Plan met: spending was {pct} of plan.",
    ),
    "v_plan_short": (
        "Chưa đạt kế hoạch: kinh phí thực hiện mới bằng {pct} kế hoạch.",
        "Plan not met: spending was {pct} of plan.",
    ),
    "v_no_schedule": (
        "Chưa kết luận được về tiến độ: không có đề án nào đến hạn với ngày hoàn thành theo "
        "kế hoạch và thực tế, và không có số kế hoạch riêng để so sánh.",
        "No verdict on schedule: no project due with planned and actual end dates, and no "
        "separate plan to compare with.",
    ),
    "v_disbursed_ok": (
        "Kinh phí được giải ngân {pct} kế hoạch; chi nhiều nhất cho {activity} ({share}).",
        "{pct} of the planned budget was disbursed; the largest share went to {activity} "
        "({share}).",
    ),
    "v_disbursed_slow": (
        "Giải ngân chậm: mới đạt {pct} kinh phí kế hoạch; chi nhiều nhất cho {activity} ({share}).",
        "Slow disbursement: only {pct} of the planned budget; the largest share went to "
        "{activity} ({share}).",
    ),
    "v_mix_only": (
        "Chi nhiều nhất cho {activity} ({share} kinh phí); không có số liệu giải ngân.",
        "The largest share went to {activity} ({share} of spending); no disbursement figures.",
    ),
    "v_no_purpose": (
        "Chưa kết luận được về mục đích sử dụng kinh phí: thiếu số liệu giải ngân và cơ cấu chi.",
        "No verdict on the use of funds: no disbursement or activity figures.",
    ),
    "v_efficient": (
        "Hiệu quả cao: không tỉnh nào trong vùng đạt cùng số học viên và cơ sở với ít kinh "
        "phí hơn.",
        "Efficient: no province of the region reaches the same trainees and establishments "
        "with less money.",
    ),
    "v_inefficient": (
        "Hiệu quả chưa cao: với cùng số học viên và cơ sở, tỉnh tham chiếu ({peers}) chỉ "
        "cần {pct} kinh phí của tỉnh.",
        "Room to improve: for the same trainees and establishments, the reference provinces "
        "({peers}) need {pct} of the province's money.",
    ),
    "v_cost_only": (
        "Toàn bộ kinh phí chia cho số học viên là {value} triệu đồng một học viên, {side} "
        "trung vị vùng ({median}).",
        "All the money divided by the trainees is {value} million VND a trainee, {side} "
        "the regional median ({median}).",
    ),
    "side_above": ("cao hơn", "above"),
    "side_below": ("không cao hơn", "not above"),
    "v_no_quality": (
        "Chưa kết luận được về chất lượng và quy mô: quá ít tỉnh có số liệu để so sánh.",
        "No verdict on quality and scale: too few provinces with figures to compare.",
    ),
    "k_late": (
        "{late} trong {due} đề án đến hạn bị trễ ({pct}); kiến nghị rà soát nguyên nhân "
        "chậm và đôn đốc các đơn vị thực hiện.",
        "{late} of {due} projects due were late ({pct}); review why and follow up with "
        "the implementing units.",
    ),
    "k_on_time": (
        "Cả {due} đề án đến hạn hoàn thành đúng hạn; nên duy trì cách theo dõi tiến độ hiện nay.",
        "All {due} projects due were on time; keep the present follow-up.",
    ),
    "k_plan_short": (
        "Kinh phí thực hiện mới đạt {pct} kế hoạch; cần đẩy nhanh phần việc còn lại hoặc "
        "điều chỉnh kế hoạch cho sát thực tế.",
        "Spending reached only {pct} of plan; speed up the remaining work or make the plan "
        "realistic.",
    ),
    "k_plan_met": (
        "Kinh phí thực hiện đạt {pct} kế hoạch.",
        "Spending reached {pct} of plan.",
    ),
    "k_disbursed_slow": (
        "Giải ngân đạt {pct} kinh phí kế hoạch; kiến nghị đẩy nhanh nghiệm thu và thanh toán "
        "các đề án đã hoàn thành.",
        "Disbursement reached {pct} of the planned budget; speed up acceptance and payment "
        "of finished projects.",
    ),
    "k_cost_high": (
        "Toàn bộ kinh phí chia cho số học viên là {value} triệu đồng một học viên, cao hơn "
        "trung vị vùng ({median}); nên xem lại định mức và quy mô các lớp đào tạo.",
        "All the money divided by the trainees is {value} million VND a trainee, above the "
        "regional median ({median}); review the training norms and class sizes.",
    ),
    "k_cost_low": (
        "Toàn bộ kinh phí chia cho số học viên là {value} triệu đồng một học viên, không "
        "cao hơn trung vị vùng ({median}).",
        "All the money divided by the trainees is {value} million VND a trainee, not above "
        "the regional median ({median}).",
    ),
    "k_dea": (
        "Với cùng số học viên và cơ sở, tỉnh tham chiếu ({peers}) chỉ dùng khoảng {target} "
        "triệu đồng, bằng {pct} kinh phí của tỉnh; nên tìm hiểu cách tổ chức thực hiện của "
        "các tỉnh này.",
        "For the same trainees and establishments the reference provinces ({peers}) spent "
        "about {target} million VND, {pct} of the province's money; learn how they work.",
    ),
    "k_none": (
        "Chưa đủ số liệu để đưa ra đánh giá chung: cần số kế hoạch riêng, ngày hoàn thành "
        "của các đề án và số liệu của các tỉnh khác để so sánh.",
        "Not enough figures for an overall assessment: a separate plan, the projects' end "
        "dates and the other provinces' figures are needed.",
    ),
    "a_intro": (
        "Các phương pháp thống kê dùng trong báo cáo, mỗi phương pháp một câu:",
        "The statistical methods of this report, one sentence each:",
    ),
    "a_theil_sen": (
        "Đường xu hướng (Theil–Sen): độ dốc là trung vị của độ dốc giữa mọi cặp năm, nên "
        "một năm bất thường không kéo lệch đường.",
        "Trend line (Theil–Sen): the slope is the median of the slopes between all pairs "
        "of years, so one odd year does not tilt it.",
    ),
    "a_mann_kendall": (
        "Kiểm định xu hướng (Mann–Kendall): đếm các cặp năm tăng và giảm; p lớn nghĩa là "
        "chưa đủ bằng chứng về một xu hướng tăng hay giảm.",
        "Trend test (Mann–Kendall): counts the pairs of years that rise and fall; a large "
        "p means no evidence of a rise or a fall.",
    ),
    "a_bca": (
        "Khoảng tin cậy (bootstrap, BCa): lấy mẫu lại các đề án hai nghìn lần để xem chi "
        "phí cho một đơn vị đầu ra dao động trong khoảng nào; từ 10 đề án trở lên có hiệu "
        "chỉnh độ lệch (BCa), ít hơn thì dùng khoảng phân vị.",
        "Intervals (bootstrap, BCa): the projects are resampled two thousand times to see "
        "how far the cost per unit may vary; with 10 or more projects the interval is "
        "bias-corrected (BCa), else the percentile interval is used.",
    ),
    "a_wilson": (
        "Giới hạn của biểu đồ phễu (nhị thức chính xác, Spiegelhalter 2005): với mỗi số đề "
        "án đến hạn, khoảng mà tỷ lệ đúng hạn rơi vào nếu tỉnh chỉ khác tỷ lệ chung của vùng "
        "do ngẫu nhiên; từ 10 tỉnh trở lên, nếu các tỉnh phân tán hơn mức ngẫu nhiên, giới "
        "hạn được nới rộng bằng phương sai giữa các tỉnh (phương pháp cộng, như FunnelPlotR).",
        "Funnel limits (exact binomial, Spiegelhalter 2005): for each number of projects "
        "due, the range an on-time rate falls in when a province differs from the pooled "
        "rate by chance alone; from 10 provinces on, when they vary more than chance, the "
        "limits are widened by a between-province variance (the additive method, as in "
        "FunnelPlotR).",
    ),
    "a_eb": (
        "Co rút (Bayes thực nghiệm): kéo ước lượng của tỉnh có ít số liệu về gần mức chung "
        "của vùng, càng nhiều khi số liệu càng bất định, để thứ hạng không do ngẫu nhiên.",
        "Shrinkage (empirical Bayes): pulls a province's estimate towards the regional "
        "level, the more the less certain it is, so that ranks are not down to chance.",
    ),
    "a_dea": (
        "So sánh hiệu quả (DEA, phân tích bao dữ liệu): tìm tổ hợp các tỉnh đạt ít nhất "
        "cùng số học viên và cơ sở với ít kinh phí nhất; điểm là tỷ lệ kinh phí tổ hợp đó "
        "cần so với kinh phí của tỉnh (CRS: so với mọi quy mô; VRS: chỉ với tỉnh cùng quy mô).",
        "Efficiency comparison (DEA): finds the mix of provinces that reaches at least the "
        "same trainees and establishments with the least money; the score is that money "
        "over the province's (CRS: against every scale; VRS: against the same scale only).",
    ),
    "a_malmquist": (
        "Thay đổi năng suất (Malmquist): so sánh năng suất của tỉnh giữa hai năm và tách "
        "thành phần do tỉnh tiến lên so với các tỉnh khác và phần do cả vùng cùng tiến.",
        "Productivity change (Malmquist): compares a province's productivity between two "
        "years, split into its catching up with the others and the whole region's shift.",
    ),
}
assert not set(V) & set(W), set(V) & set(W)  # a key of both would hide a phrase
W.update(V)
