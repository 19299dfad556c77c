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
        "Đánh giá hoạt động khuyến công {name} năm {year}",
        "Industrial extension evaluation: {name}, {year}",
    ),
    "region_title": (
        "Tổng quan khuyến công vùng {name} năm {year}",
        "Industrial extension overview: {name}, {year}",
    ),
    "title_meta": (
        "Kỳ báo cáo: {period} · Cấp: {levels} · Vùng: {region} · Căn cứ: {basis}",
        "Period: {period} · Levels: {levels} · Region: {region} · Basis: {basis}",
    ),
    "summary": ("Tóm tắt kết quả", "Summary of findings"),
    "f_budget": (
        "Kinh phí khuyến công thực hiện {actual}, đạt {pct} kế hoạch.",
        "Extension spending was {actual}, {pct} of plan.",
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
        "Tổng kinh phí cho một học viên {value} triệu đồng (giá so sánh), không cao hơn "
        "trung vị vùng ({median}).",
        "Total spending per trainee {value} million VND (constant prices), at or below the "
        "regional median ({median}).",
    ),
    "f_cost_high": (
        "Tổng kinh phí cho một học viên {value} triệu đồng (giá so sánh), cao hơn trung "
        "vị vùng ({median}).",
        "Total spending per trainee {value} million VND (constant prices), above the "
        "regional median ({median}).",
    ),
    "f_trend_down": (
        "Tổng kinh phí cho một học viên giảm khoảng {slope} triệu đồng mỗi năm "
        "(Mann–Kendall p = {p}).",
        "Total spending per trainee fell by about {slope} million VND a year "
        "(Mann–Kendall p = {p}).",
    ),
    "f_trend_up": (
        "Tổng kinh phí cho một học viên tăng khoảng {slope} triệu đồng mỗi năm "
        "(Mann–Kendall p = {p}).",
        "Total spending per trainee rose by about {slope} million VND a year "
        "(Mann–Kendall p = {p}).",
    ),
    "f_trend_none": (
        "Tổng kinh phí cho một học viên không có xu hướng rõ rệt: độ dốc ước lượng {slope} triệu "
        "đồng mỗi năm, khoảng tin cậy 95% từ {low} đến {high} (Mann–Kendall p = {p}).",
        "Total spending per trainee shows no clear trend: the slope is {slope} million VND a year, "
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
        "Chi phí khuyến công cho một đơn vị đầu ra, với khoảng tin cậy bootstrap 95%",
        "Extension money per unit of output, with 95% bootstrap intervals",
    ),
    "cost_note": (
        "Mỗi đầu ra được tính trên toàn bộ kinh phí nên các chỉ số không cộng được "
        "với nhau. Khoảng tin cậy lấy mẫu lại theo đề án (BCa khi có từ 10 đề án).",
        "Each output is charged the full budget, so these ratios do not add up. "
        "Intervals resample projects (BCa with 10 or more projects).",
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
        "Tổng kinh phí cho một học viên qua các năm, với đường Theil–Sen",
        "Total spending per trainee over the years, with the Theil–Sen line",
    ),
    "trend_text": (
        "Độ dốc Theil–Sen {slope} triệu đồng/năm (khoảng tin cậy 95%: {low} đến "
        "{high}); Mann–Kendall τ = {tau}, p = {p} (n = {n}, phương pháp {method}). "
        "Với chuỗi ngắn, kiểm định có ít lực; hãy đọc độ dốc và khoảng tin cậy.",
        "Theil–Sen slope {slope} million VND a year (95% CI {low} to {high}); "
        "Mann–Kendall τ = {tau}, p = {p} (n = {n}, {method} method). Short series "
        "give the test little power; read the slope and its interval.",
    ),
    "spend_per_trainee_def": (
        "Tổng kinh phí cho một học viên là toàn bộ kinh phí khuyến công (kể cả máy móc "
        "và mô hình trình diễn) chia cho số học viên.",
        "Total spending per trainee is all khuyến công spending (machinery and "
        "demonstration models included) divided by the number of trainees.",
    ),
    "trend_level": (
        "Độ dốc Theil–Sen {slope} triệu đồng/năm (khoảng tin cậy 95%: {low} đến {high}).",
        "Theil–Sen slope {slope} million VND a year (95% CI {low} to {high}).",
    ),
    "trend_growth": (
        "Tính theo tốc độ: {pct}% mỗi năm (khoảng tin cậy 95%: {low} đến {high}; độ dốc "
        "Theil–Sen của logarit chi phí).",
        "As a rate: {pct}% a year (95% CI {low} to {high}; Theil–Sen slope of the log of "
        "the cost).",
    ),
    "trend_mk": (
        "Mann–Kendall τ = {tau}, p = {p} (n = {n}, {method}). Với chuỗi ngắn, kiểm định "
        "có ít lực; hãy đọc độ dốc và khoảng tin cậy.",
        "Mann–Kendall τ = {tau}, p = {p} (n = {n}, {method}). Short series give the test "
        "little power; read the slope and its interval.",
    ),
    "mk_exact": ("phân phối chính xác", "exact method"),
    "mk_normal": ("xấp xỉ phân phối chuẩn", "normal approximation"),
    "trend_mk_short": (
        "Chỉ có {n} năm số liệu: với dưới 5 năm, kiểm định Mann–Kendall không thể cho "
        "p dưới 5% nên không được báo cáo; hãy đọc độ dốc và khoảng tin cậy.",
        "Only {n} years of data: below 5 years the Mann–Kendall test cannot give p below "
        "5%, so it is not reported; read the slope and its interval.",
    ),
    "f_trend_down_short": (
        "Tổng kinh phí cho một học viên giảm khoảng {slope} triệu đồng mỗi năm (chỉ {n} năm số "
        "liệu, chưa đủ để kiểm định Mann–Kendall).",
        "Total spending per trainee fell by about {slope} million VND a year (only {n} years of "
        "data, too few for a Mann–Kendall test).",
    ),
    "f_trend_up_short": (
        "Tổng kinh phí cho một học viên tăng khoảng {slope} triệu đồng mỗi năm (chỉ {n} năm số "
        "liệu, chưa đủ để kiểm định Mann–Kendall).",
        "Total spending per trainee rose by about {slope} million VND a year (only {n} years of "
        "data, too few for a Mann–Kendall test).",
    ),
    "f_trend_none_short": (
        "Tổng kinh phí cho một học viên không có xu hướng rõ rệt: độ dốc ước lượng {slope} triệu "
        "đồng mỗi năm, khoảng tin cậy 95% từ {low} đến {high} (chỉ {n} năm số liệu, chưa "
        "đủ để kiểm định Mann–Kendall).",
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
        "Giới hạn nhị thức chính xác (Spiegelhalter 2005) quanh tỷ lệ chung của vùng. Tỉnh "
        "nằm ngoài giới hạn 99,8% khác biệt nhiều hơn mức mà biến động ngẫu nhiên có thể "
        "giải thích: đó là dấu hiệu cần xem xét, chưa phải kết luận.",
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
        "của vùng được nới rộng bằng phương sai giữa các tỉnh τ² = {tau2}, cộng thêm vào "
        "phương sai nhị thức (phương pháp cộng của Spiegelhalter 2005, như FunnelPlotR). "
        "Tỉnh nằm ngoài giới hạn 99,8% khác biệt nhiều hơn cả mức chênh lệch thường gặp "
        "giữa các tỉnh: đó là dấu hiệu cần xem xét, chưa phải kết luận.",
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
        "được đánh dấu",
        "Trainees against extension spending; efficient provinces (DEA CRS, two outputs) marked",
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
    "dea_limits": (
        "Giới hạn của phương pháp: chỉ một đầu vào (kinh phí) và hai đầu ra (học viên, cơ "
        "sở được hỗ trợ), với {n} tỉnh; điểm DEA chỉ so sánh các tỉnh với nhau, không đo "
        "chất lượng đào tạo hay tác động lâu dài.",
        "The method's limits: one input (spending) and two outputs (trainees, "
        "establishments supported), over {n} provinces; DEA scores only compare the "
        "provinces with each other and do not measure the quality of training or lasting "
        "effects.",
    ),
    "dea_loo": (
        "Độ nhạy: khi bỏ tỉnh hiệu quả nhất ({name}), {k} trong {n} tỉnh còn lại có điểm "
        "CRS thay đổi hơn 0,1.",
        "Sensitivity: without the most efficient province ({name}), {k} of the other {n} "
        "provinces' CRS scores move by more than 0.1.",
    ),
    "dea_left_out": ("Không đưa vào DEA: {items}.", "Left out of the DEA: {items}."),
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
        "Hiệu quả DEA, tỉnh tham chiếu và kinh phí trên đường biên",
        "DEA efficiency, peers and frontier spending",
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
    "src_demo": (
        "Dữ liệu minh họa tổng hợp do chương trình kcanalysis sinh ra; không phải số liệu thực.",
        "Synthetic demonstration data made by the kcanalysis generator; not real data.",
    ),
    "dq_quarantined": (
        "{n} dòng trong tệp số liệu bị cách ly khi đọc và không được dùng trong báo cáo này; "
        "từng dòng và lý do (theo bộ đọc tệp):",
        "{n} rows of the data files were quarantined when read and are not used in this "
        "report; each row and its reason:",
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


def source_label(source: str, lang: str) -> str:
    """Return a `source` text for readers: the demo generator's mark in `lang`."""
    from kcanalysis.datasets import SYNTHETIC_MARK

    if SYNTHETIC_MARK in source and source.startswith(SYNTHETIC_MARK):
        return say("src_demo", lang)
    return source


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
