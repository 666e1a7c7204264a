#!/usr/bin/env python3
"""Writes the demo campaign files in seed-data/ (run from anywhere; deterministic).

The 2011 totals are the Dongying report's (60 filings, 30 in the special plan, 43 consolidated
projects, 26 institutions, 325 proposals, 41 completed projects, 7.47 million yuan). Every
filing, proposal, price and score behind them is invented to add up to those totals.
The portal reads the JSON at first start; this script is only how the JSON was made.
"""
import json, os, random, re
from datetime import datetime, timedelta, timezone

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
# The routing rule's one table, shared with BidPortal.Domain/Institutions/SpecialtyTags.cs.
with open(os.path.join(OUT, "..", "BidPortal.Domain", "Institutions", "tag-keywords.json"), encoding="utf-8") as f:
    RULE = json.load(f)
rng = random.Random(2011)
CST = timezone(timedelta(hours=8))

def iso(dt): return dt.astimezone(CST).isoformat()
def write(name, data):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")

# ---------------------------------------------------------------- units
UNITS = [
    ("FGW", "东营市发展和改革委员会", "Dongying Development and Reform Commission", "economy"),
    ("CZJ", "东营市财政局", "Dongying Finance Bureau", "finance"),
    ("GTJ", "东营市国土资源局", "Dongying Land and Resources Bureau", "land"),
    ("GHJ", "东营市规划局", "Dongying Planning Bureau", "planning"),
    ("HBJ", "东营市环境保护局", "Dongying Environmental Protection Bureau", "environment"),
    ("JYJ", "东营市教育局", "Dongying Education Bureau", "education"),
    ("WSJ", "东营市卫生局", "Dongying Health Bureau", "health"),
    ("MZJ", "东营市民政局", "Dongying Civil Affairs Bureau", "social"),
    ("RSJ", "东营市人力资源和社会保障局", "Dongying Human Resources and Social Security Bureau", "social"),
    ("SWJ", "东营市商务局", "Dongying Commerce Bureau", "economy"),
    ("NYJ", "东营市农业局", "Dongying Agriculture Bureau", "agriculture"),
    ("HYJ", "东营市海洋与渔业局", "Dongying Ocean and Fisheries Bureau", "ocean"),
    ("SJJ", "东营市审计局", "Dongying Audit Bureau", "audit"),
    ("TJJ", "东营市统计局", "Dongying Statistics Bureau", "statistics"),
    ("XCB", "中共东营市委宣传部", "CPC Dongying Propaganda Department", "media"),
    ("ZFW", "中共东营市委政法委员会", "CPC Dongying Political and Legal Affairs Committee", "legal"),
    ("GAJ", "东营市公安局", "Dongying Public Security Bureau", "legal"),
    ("JXW", "东营市经济和信息化委员会", "Dongying Economic and Information Technology Commission", "economy"),
    ("ZJJ", "东营市住房和城乡建设局", "Dongying Housing and Urban-Rural Development Bureau", "planning"),
    ("SLJ", "东营市水利局", "Dongying Water Resources Bureau", "agriculture"),
]
COUNTIES = [
    ("DYQ", "东营区", "Dongying District", "District"),
    ("HKQ", "河口区", "Hekou District", "District"),
    ("KLX", "垦利县", "Kenli County", "County"),
    ("LJX", "利津县", "Lijin County", "County"),
    ("GRX", "广饶县", "Guangrao County", "County"),
    ("KFQ", "东营经济技术开发区", "Dongying Economic Development Zone", "DevelopmentZone"),
]
units = [{"code": c, "name": n, "nameEn": e, "kind": "MunicipalDepartment", "system": s,
          "contactEmail": f"{c.lower()}@dongying.gov.demo"} for c, n, e, s in UNITS]
units += [{"code": c, "name": n, "nameEn": e, "kind": k, "system": "county",
           "contactEmail": f"{c.lower()}@dongying.gov.demo"} for c, n, e, k in COUNTIES]
SYSTEM = {u["code"]: u["system"] for u in units}
TAGS = RULE["systems"]
KEYWORDS = {tag: [re.compile(r"\b" + re.escape(k) if k.isascii() else re.escape(k), re.I) for k in words]
            for tag, words in RULE["keywords"].items()}

def text_tags(text):
    return [tag for tag, patterns in KEYWORDS.items() if any(p.search(text) for p in patterns)]

def course_tags(sources):
    """SpecialtyTags.ForFilings: the units' systems' tags, then those the titles and objectives name."""
    text = "\n".join(t for f in sources for t in (f["title"], f["objectives"]) if t)
    return sorted(set([t for f in sources for t in TAGS.get(SYSTEM[f["unit"]], [])] + text_tags(text)))

SHORT = {"FGW": "市发展改革委", "JXW": "市经济和信息化委", "RSJ": "市人力资源社会保障局", "ZJJ": "市住房城乡建设局"}
# How a unit names itself at the head of a course title: 市财政局, 市委宣传部, 垦利县.
def short_name(code):
    name = next(u["name"] for u in units if u["code"] == code)
    if code in SHORT: return SHORT[code]
    if name.startswith("中共东营市委"): return "市委" + name[len("中共东营市委"):].replace("政法委员会", "政法委")
    if name.startswith("东营市"): return "市" + name[len("东营市"):]
    return name

# ---------------------------------------------------------------- institutions
INST = [
    ("PKU", "北京大学", "Peking University", "NationalCadreBase", []),
    ("THU", "清华大学", "Tsinghua University", "NationalCadreBase", []),
    ("ZJU", "浙江大学", "Zhejiang University", "NationalCadreBase", []),
    ("RUC", "中国人民大学", "Renmin University of China", "NationalCadreBase", []),
    ("FDU", "复旦大学", "Fudan University", "NationalCadreBase", []),
    ("NJU", "南京大学", "Nanjing University", "NationalCadreBase", []),
    ("WHU", "武汉大学", "Wuhan University", "NationalCadreBase", []),
    ("SJTU", "上海交通大学", "Shanghai Jiao Tong University", "ComprehensiveUniversity", []),
    ("SDU", "山东大学", "Shandong University", "ComprehensiveUniversity", []),
    ("XMU", "厦门大学", "Xiamen University", "ComprehensiveUniversity", []),
    ("CELAP", "中国浦东干部学院", "China Executive Leadership Academy Pudong", "LeadershipAcademy", []),
    ("DYDX", "中共东营市委党校", "Party School of the CPC Dongying Municipal Committee", "PartySchool",
     ["county-governance", "social-governance", "media"]),
    ("BAI", "北京行政学院", "Beijing Administration Institute", "AdministrationInstitute",
     ["social-governance", "law", "county-governance"]),
    ("SUFE", "上海财经大学", "Shanghai University of Finance and Economics", "SpecialisedInstitute",
     ["finance", "accounting", "economy", "statistics"]),
    ("XNAI", "厦门国家会计学院", "Xiamen National Accounting Institute", "SpecialisedInstitute",
     ["accounting", "finance", "audit"]),
    ("NAU", "南京审计学院", "Nanjing Audit Institute", "SpecialisedInstitute", ["audit", "accounting"]),
    ("OUC", "中国海洋大学", "Ocean University of China", "SpecialisedInstitute", ["ocean", "fisheries", "environment"]),
    ("TJU", "同济大学", "Tongji University", "SpecialisedInstitute", ["planning", "urban", "environment"]),
    ("CUPL", "中国政法大学", "China University of Political Science and Law", "SpecialisedInstitute", ["law"]),
    ("CAU", "中国农业大学", "China Agricultural University", "SpecialisedInstitute", ["agriculture", "fisheries"]),
    ("BNU", "北京师范大学", "Beijing Normal University", "SpecialisedInstitute", ["education"]),
    ("PUMC", "北京协和医学院", "Peking Union Medical College", "SpecialisedInstitute", ["health"]),
    ("CUC", "中国传媒大学", "Communication University of China", "SpecialisedInstitute", ["media"]),
    ("CUGB", "中国地质大学（北京）", "China University of Geosciences (Beijing)", "SpecialisedInstitute",
     ["land", "environment"]),
    ("DUFE", "东北财经大学", "Dongbei University of Finance and Economics", "SpecialisedInstitute",
     ["finance", "statistics", "economy"]),
    ("SDUFE", "山东财经大学", "Shandong University of Finance and Economics", "SpecialisedInstitute",
     ["finance", "accounting", "economy"]),
]
institutions = [{"code": c, "name": n, "nameEn": e, "category": cat, "tags": t,
                 "preferredCulture": "zh-CN",
                 "contacts": [{"name": f"{n}培训办公室", "email": f"training@{c.lower()}.edu.demo",
                               "phone": f"010-6{rng.randint(1000000, 9999999)}"}]} for c, n, e, cat, t in INST]
COMPREHENSIVE = {"NationalCadreBase", "ComprehensiveUniversity", "LeadershipAcademy"}
def invited(tags):
    return [i["code"] for i in institutions
            if i["category"] in COMPREHENSIVE or set(i["tags"]) & set(tags)]

EXPERTS = [f"expert{n:02d}" for n in range(1, 10)]
RUBRIC = [
    {"name": "方案设计", "nameEn": "Training design", "maxPoints": 30, "isPrice": False},
    {"name": "师资力量", "nameEn": "Faculty", "maxPoints": 25, "isPrice": False},
    {"name": "契合需求", "nameEn": "Fit to the sponsor's needs", "maxPoints": 20, "isPrice": False},
    {"name": "组织保障与服务", "nameEn": "Logistics and service", "maxPoints": 15, "isPrice": False},
    {"name": "报价", "nameEn": "Price", "maxPoints": 10, "isPrice": True},
]
TYPED_MAX = [c["maxPoints"] for c in RUBRIC if not c["isPrice"]]
PRICE_POINTS = 10

# Each unit's courses, by theme: what that bureau would really train its people in (topic, English title).
EM, SM, EC = "EconomicManagement", "SocialManagement", "ExecutionCapacity"
TOPICS = {
    "FGW": {EM: [("宏观经济形势与政策", "Macroeconomic Trends and Policy"), ("区域经济发展战略", "Regional Development Strategy")],
            SM: [("社会信用体系建设", "Building the Social Credit System")],
            EC: [("重大项目推进与督查落实", "Driving Major Projects and Following Up")]},
    "CZJ": {EM: [("现代财政管理", "Modern Public Finance Management"), ("预算绩效管理", "Performance-Based Budgeting"),
                 ("金融风险防控", "Financial Risk Prevention and Control")],
            SM: [("财政保障民生政策", "Fiscal Policy for Public Welfare")],
            EC: [("财政监督与内部控制", "Fiscal Oversight and Internal Control"), ("政府采购规范管理", "Regulating Government Procurement")]},
    "GTJ": {EM: [("土地节约集约利用", "Economical and Intensive Land Use")],
            SM: [("国土资源执法监察", "Land and Resources Law Enforcement")],
            EC: [("国土资源管理执行力提升", "Execution Capacity in Land Administration")]},
    "GHJ": {EM: [("城镇化与城市经营", "Urbanisation and City Management")],
            SM: [("城乡规划与建设管理", "Urban and Rural Planning and Construction"), ("城市生态空间规划", "Planning Urban Ecological Space")],
            EC: [("规划审批服务效能提升", "Faster and Better Planning Approvals")]},
    "HBJ": {EM: [("节能减排与循环发展", "Energy Saving, Lower Emissions and Circular Development")],
            SM: [("生态环境保护", "Ecological and Environmental Protection"), ("环境应急管理", "Environmental Emergency Management")],
            EC: [("环境执法能力提升", "Stronger Environmental Law Enforcement")]},
    "JYJ": {EM: [("教育经费管理与绩效", "Education Funding and Performance")],
            SM: [("学校安全与教育公平", "School Safety and Fair Access to Education"), ("基础教育改革与发展", "Reform of Basic Education")],
            EC: [("中小学校长领导力提升", "Leadership for School Principals")]},
    "WSJ": {EM: [("医药卫生体制改革", "Health-Care System Reform")],
            SM: [("公共卫生应急管理", "Public Health Emergency Management"), ("基层医疗卫生服务", "Primary Health-Care Services")],
            EC: [("医院管理与服务质量提升", "Hospital Management and Service Quality")]},
    "MZJ": {EM: [("社会救助资金管理", "Managing Social Assistance Funds")],
            SM: [("社区建设与社会组织培育", "Community Building and Social Organisations"), ("基层社会治理", "Community-Level Social Governance")],
            EC: [("民政服务效能提升", "Better Civil Affairs Services")]},
    "RSJ": {EM: [("就业创业与人力资源开发", "Employment, Entrepreneurship and Human Resources")],
            SM: [("社会保障制度改革", "Social Security Reform")],
            EC: [("公务员能力建设", "Civil Service Capacity Building")]},
    "SWJ": {EM: [("招商引资与对外开放", "Investment Promotion and Opening Up"), ("现代服务业发展", "Developing Modern Services")],
            SM: [("市场秩序与消费安全", "Market Order and Consumer Safety")],
            EC: [("外经贸项目推进与服务", "Driving Foreign Trade and Investment Projects")]},
    "NYJ": {EM: [("现代农业与农业产业化", "Modern Agriculture and Agribusiness")],
            SM: [("新农村建设与农村社会管理", "Building the New Countryside and Rural Governance")],
            EC: [("农业技术推广与服务能力提升", "Agricultural Extension and Services")]},
    "HYJ": {EM: [("蓝色经济区建设", "Building the Blue Economic Zone"), ("现代渔业发展", "Modern Fisheries Development")],
            SM: [("海洋环境保护与海域管理", "Marine Environmental Protection and Sea-Area Management"),
                 ("海洋防灾减灾", "Marine Disaster Prevention and Mitigation")],
            EC: [("渔政执法能力提升", "Stronger Fisheries Law Enforcement")]},
    "SJJ": {EM: [("政府投资审计", "Auditing Public Investment"), ("经济责任审计", "Economic Accountability Audits of Officials")],
            SM: [("民生资金审计", "Auditing Public Welfare Funds")],
            EC: [("审计监督与问责", "Audit Oversight and Accountability"), ("审计现场管理与执行力提升", "Audit Fieldwork and Execution")]},
    "TJJ": {EM: [("统计数据质量管理", "Statistical Data Quality"), ("经济普查组织实施", "Running the Economic Census")],
            SM: [("人口与社会统计", "Population and Social Statistics")],
            EC: [("统计执法与依法统计", "Statistical Law Enforcement")]},
    "XCB": {EM: [("文化产业发展", "Developing the Cultural Industries")],
            SM: [("舆情应对与新闻发布", "Handling Public Opinion and Press Briefings"), ("新媒体时代的宣传工作", "Publicity Work in the New-Media Age")],
            EC: [("宣传思想工作创新", "New Approaches to Publicity Work")]},
    "ZFW": {EM: [("服务经济发展的政法工作", "Legal Affairs in Service of Development")],
            SM: [("平安建设与社会治安综合治理", "Public Safety and Integrated Law-and-Order Management"),
                 ("矛盾纠纷排查化解", "Preventing and Resolving Disputes")],
            EC: [("政法队伍执行力提升", "Execution Capacity of Legal Affairs Staff")]},
    "GAJ": {EM: [("经济犯罪侦查与防范", "Investigating and Preventing Economic Crime")],
            SM: [("社会治安防控体系建设", "Building the Crime Prevention and Control System"), ("群体性事件处置", "Handling Mass Incidents")],
            EC: [("执法规范化建设", "Standardising Law Enforcement")]},
    "JXW": {EM: [("工业转型升级", "Industrial Upgrading"), ("信息化与工业化融合", "Integrating IT and Industry")],
            SM: [("安全生产监管", "Workplace Safety Supervision")],
            EC: [("重点工业项目推进", "Driving Key Industrial Projects")]},
    "ZJJ": {EM: [("房地产市场调控", "Regulating the Property Market")],
            SM: [("住房保障与城市管理", "Housing Security and City Management"),
                 ("城乡建设与人居环境改善", "Urban-Rural Construction and Better Living Conditions")],
            EC: [("建设工程质量安全监管", "Construction Quality and Safety Oversight")]},
    "SLJ": {EM: [("水资源管理与节约用水", "Water Resources Management and Conservation")],
            SM: [("农田水利与防汛抗旱", "Irrigation, Flood Control and Drought Relief")],
            EC: [("水利工程建设管理", "Managing Water Conservancy Projects")]},
    "county": {EM: [("县域经济发展", "County Economic Development"), ("招商引资与园区建设", "Investment Promotion and Industrial Parks"),
                    ("现代农业与农民增收", "Modern Agriculture and Farm Incomes")],
               SM: [("基层社会治理", "Community-Level Social Governance"), ("新农村建设", "Building the New Countryside"),
                    ("乡镇群众工作能力", "Working with the Public in Townships")],
               EC: [("乡镇干部执行力提升", "Execution Capacity for Township Officials"), ("干部综合素质提升", "All-Round Skills for Officials"),
                    ("项目推进与督查落实", "Driving Projects and Following Up")]},
    "KFQ": {EM: [("产业招商与项目服务", "Industrial Investment and Project Services")],
            SM: [("园区安全生产管理", "Workplace Safety in Industrial Parks")],
            EC: [("高效行政与服务创新", "Efficient Administration and Service Innovation")]},
}
GOALS = {EM: "帮助参训干部把握形势政策，提高推动科学发展的能力",
         SM: "提升参训干部统筹协调、化解矛盾和服务群众的能力",
         EC: "提升参训干部抓落实、促发展的执行力"}
EN = {}  # Chinese topic -> English title
for pools in TOPICS.values():
    for pool in pools.values():
        for zh, en in pool: EN[zh] = en
assert not text_tags("；".join(GOALS.values())), "the goals name no topic of their own"

def topic_pool(unit, theme):
    return TOPICS.get(unit, TOPICS["county"] if SYSTEM[unit] == "county" else {})[theme]

PLACES = ["北京", "上海", "杭州", "厦门", "南京", "青岛", "济南", "东营"]
TARGETS = {"municipal": ["本系统县处级领导干部", "本系统科级干部", "本系统业务骨干", "本系统中青年后备干部"],
           "county": ["乡镇（街道）党政正职", "县区直部门科级干部", "乡镇（街道）中青年后备干部", "村（社区）党组织书记"]}

def unit_name(code): return next(u["name"] for u in units if u["code"] == code)

def make_filing(ref, unit, theme, start, budget, headcount, filed_at, special, cross=False, major=False, used=None, topic=None):
    days = rng.choice([4, 5, 6, 7])
    if topic is None:
        pool = [t for t, _ in topic_pool(unit, theme) if used is None or (unit, t) not in used]
        topic = rng.choice(pool)
    if used is not None: used.add((unit, topic))
    return {"ref": ref, "unit": unit, "title": f"{short_name(unit)}{topic}专题培训班", "topic": topic,
            "theme": theme, "targetTrainees": rng.choice(TARGETS["county" if SYSTEM[unit] == "county" else "municipal"]), "headcount": headcount, "days": days,
            "plannedStart": start.isoformat(), "plannedEnd": (start + timedelta(days=days - 1)).isoformat(),
            "place": rng.choice(PLACES), "budget": budget,
            "objectives": f"围绕{topic}，{GOALS[theme]}。",
            "crossUnit": cross, "majorTopic": major, "filedAt": iso(filed_at)}

def sheet_points(quality, r=None):
    r = r or rng
    return [round(max(0.3, min(1.0, quality + r.uniform(-0.04, 0.04))) * m, 1) for m in TYPED_MAX]

def panel_score(totals):
    if len(totals) >= 5:
        t = sorted(totals)[1:-1]
        return sum(t) / len(t)
    return sum(totals) / len(totals)

def rank(proposals, scores, conflicts):
    lowest = min(p["price"] for p in proposals)
    lines = []
    for p in proposals:
        ps = lowest / p["price"] * PRICE_POINTS
        totals = [sum(s["points"]) + ps for s in scores
                  if s["institution"] == p["institution"] and (s["expert"], p["institution"]) not in conflicts]
        lines.append((-panel_score(totals), p["price"], p["receivedAt"], p["institution"]))
    return [l[3] for l in sorted(lines)]

# ---------------------------------------------------------------- 2011
UNIT_SYSTEM_ZH = {"economy": "经济部门", "finance": "财政系统", "land": "国土系统", "planning": "规划建设系统", "environment": "环保系统",
                  "education": "教育系统", "health": "卫生系统", "social": "民政人社系统", "agriculture": "农业水利系统",
                  "ocean": "海洋渔业系统", "audit": "审计系统", "statistics": "统计系统", "media": "宣传文化系统", "legal": "政法系统"}

def project_title(group, used):
    """A consolidated course's title in both languages; merged ones join their topics ("A与B专题培训班" / "A and B")."""
    topics = list(dict.fromkeys(f["topic"] for f in group))
    codes = list(dict.fromkeys(f["unit"] for f in group))
    if len(group) == 1:
        zh, en = group[0]["title"], EN[topics[0]]
    else:
        system = SYSTEM[codes[0]]
        prefix = (short_name(codes[0]) if len(codes) == 1 else "、".join(short_name(c) for c in codes) if system == "county"
                  else "全市" + UNIT_SYSTEM_ZH[system])
        english = [EN[t] for t in topics]
        zh = f"{prefix}{'、'.join(topics)}专题培训班"
        en = " and ".join(english) if len(english) == 2 and not any(" and " in e for e in english) else "; ".join(english)
    if zh in used or en in used:
        lead = max(group, key=lambda f: f["budget"])["unit"]
        en = f"{en} ({next(u['nameEn'] for u in units if u['code'] == lead).replace('Dongying ', '')})"
    used.add(zh); used.add(en)
    return zh, en

def merged_from(group):
    """The organizer's own note of where a project came from (shown to the organizer only)."""
    if len(group) == 1: return "由单一备案项目形成"
    names = "、".join(dict.fromkeys(short_name(f["unit"]) for f in group))
    return f"由{names}{len(group)}个备案项目整合而成"

CITY = {"PKU": "北京", "THU": "北京", "RUC": "北京", "BNU": "北京", "CUPL": "北京", "CAU": "北京", "PUMC": "北京", "CUC": "北京",
        "CUGB": "北京", "BAI": "北京", "FDU": "上海", "SJTU": "上海", "SUFE": "上海", "CELAP": "上海", "TJU": "上海", "ZJU": "杭州",
        "NJU": "南京", "NAU": "南京", "WHU": "武汉", "SDU": "济南", "SDUFE": "济南", "XMU": "厦门", "XNAI": "厦门", "OUC": "青岛",
        "DUFE": "大连", "DYDX": "东营"}
SITES = {"北京": ["中关村国家自主创新示范区", "北京市朝阳区社会服务管理创新基地", "北京经济技术开发区"],
         "上海": ["浦东新区综合配套改革试点", "洋山深水港", "上海市闵行区社区事务受理服务中心"],
         "杭州": ["杭州市民中心", "安吉县生态文明建设示范点", "义乌国际商贸城"],
         "南京": ["南京市江宁区政务服务中心", "苏州工业园区", "江阴市华西村"],
         "武汉": ["武汉东湖新技术开发区", "武汉市江汉区社区网格化管理中心"],
         "济南": ["济南市历下区政务服务中心", "淄博市高新区", "寿光市现代农业示范区"],
         "厦门": ["厦门市行政服务中心", "厦门海沧保税港区", "晋江市民营经济发展展示馆"],
         "青岛": ["青岛港前湾港区", "青岛市黄岛区海洋经济园区", "国家海洋局第一海洋研究所"],
         "大连": ["大连港", "大连高新技术产业园区"],
         "东营": ["黄河三角洲国家级自然保护区", "胜利油田展览馆", "东营市政务服务中心"]}
DEPTS = {"environment": "环境学院", "ocean": "海洋与大气学院", "fisheries": "水产学院", "finance": "财政与公共管理学院",
         "accounting": "会计学院", "audit": "审计学院", "law": "法学院", "education": "教育学部", "health": "公共卫生学院",
         "media": "新闻传播学院", "agriculture": "经济管理学院", "planning": "建筑与城市规划学院", "urban": "城市管理学院",
         "land": "土地科学技术学院", "statistics": "统计与管理学院", "economy": "经济学院",
         "social-governance": "社会学系", "county-governance": "公共管理教研部"}
GENERAL_DEPTS = ["公共管理学院", "政府管理学院", "经济学院", "马克思主义学院", "国家发展研究院", "法学院"]
SURNAME = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
GIVEN = ["建国", "志强", "海涛", "晓东", "立新", "文华", "振宇", "永红", "卫东", "丽萍", "雪梅", "国强", "明远", "学军", "俊峰",
         "春燕", "宏伟", "新民", "世杰", "玉兰", "德胜", "思远", "静", "敏", "军", "勇", "华", "磊", "鹏", "洁"]
RANKS = ["教授、博士生导师", "教授", "研究员", "副教授", "教授", "副研究员"]
LECTURES = {EM: ["当前宏观经济形势与政策走向", "{t}的国际经验与国内实践", "{t}中的风险识别与防范", "政策解读：{t}的制度框架"],
            SM: ["{t}的形势与任务", "{t}的典型案例分析", "突发事件中的决策与沟通", "群众工作方法与{t}"],
            EC: ["领导干部执行力的内涵与提升路径", "{t}的方法与工具", "目标管理与督查问责", "沟通协调与团队建设"]}

def person():
    return rng.choice(SURNAME) + rng.choice(GIVEN)

def proposal_text(code, group, days):
    """Faculty and outline as an institution would write them: its own people, departments and teaching sites."""
    inst = next(i for i in institutions if i["code"] == code)
    tags = course_tags(group)
    depts = [DEPTS[t] for t in tags if t in DEPTS and t in inst["tags"]] or GENERAL_DEPTS
    people, names = [], []
    for k in range(rng.randint(3, 5)):
        dept = depts[k % len(depts)] if k < 2 else rng.choice(depts + GENERAL_DEPTS)
        names.append(person())
        people.append(f"{names[-1]}（{inst['name']}{dept}{rng.choice(RANKS)}）")
    names.append(person())
    people.append(f"{names[-1]}（特邀实务专家，省直有关部门负责同志）")
    faculty = "；".join(people)
    topic = group[0]["topic"] if len(group) == 1 else "、".join(dict.fromkeys(f["topic"] for f in group))
    theme = group[0]["theme"]
    lectures = rng.sample(LECTURES[theme], 3)
    place = max(group, key=lambda f: f["budget"])["place"]
    sites = rng.sample(SITES[place], 2 if days >= 5 else 1)
    modules = [f"开班式及专题讲座：{lectures[0].format(t=topic)}（{names[0]}）",
               f"专题讲座：{lectures[1].format(t=topic)}（{names[1]}）",
               f"案例教学：{lectures[2].format(t=topic)}（{names[-1]}）"]
    modules += [f"现场教学：{site}" for site in sites]
    modules.append(rng.choice(["分组研讨与成果交流", "结构化研讨：结合东营实际谈{t}".format(t=topic), "学员论坛与结业式"]))
    outline = "\n".join(f"{k + 1}. {m}" for k, m in enumerate(modules))
    return faculty, outline

def campaign_2011():
    filings, projects = [], []
    used, titles = set(), set()
    themes = ["EconomicManagement", "SocialManagement", "ExecutionCapacity"]
    muni = [u[0] for u in UNITS]
    # 60 municipal filings: every unit files three.
    n = 0
    special_groups = {}   # system -> refs in the special plan
    for unit in muni:
        for k in range(3):
            n += 1
            theme = themes[(n + k) % 3]
            start = datetime(2011, rng.randint(4, 10), rng.randint(1, 28)).date()
            special = n % 2 == 0  # 30 of 60
            f = make_filing(f"M{n:03d}", unit, theme, start, rng.randrange(150000, 250000, 1000),
                            rng.choice([40, 50, 60, 80, 100]),
                            datetime(2011, 2, rng.randint(10, 28), 10, 0, tzinfo=CST), special,
                            cross=special and n % 4 == 0, major=special and n % 4 != 0, used=used)
            if special:
                f["review"] = {"decision": "approve", "specialPlan": True, "at": iso(datetime(2011, 3, 4, 16, 0, tzinfo=CST)),
                               "comment": "列入2011年度全市干部教育培训专项计划"}
                special_groups.setdefault(SYSTEM[unit], []).append(f)
            elif n % 10 == 1:
                f["review"] = {"decision": "reject", "at": iso(datetime(2011, 3, 4, 16, 0, tzinfo=CST)),
                               "comment": "与市委年度培训重点不符"}
            else:
                f["review"] = {"decision": "approve", "specialPlan": False, "at": iso(datetime(2011, 3, 4, 16, 0, tzinfo=CST)),
                               "comment": "同意由主办单位自行组织"}
            filings.append(f)
    # 28 county filings; 4 left out as too small, 24 merged into 21 projects.
    county_groups = {}
    c = 0
    for unit, *_ in COUNTIES:
        for k in range(5 if unit != "KFQ" else 3):
            c += 1
            theme = themes[c % 3]
            start = datetime(2011, rng.randint(4, 10), rng.randint(1, 28)).date()
            small = c in (3, 9, 15, 21)
            f = make_filing(f"C{c:03d}", unit, theme, start,
                            rng.randrange(30000, 50000, 1000) if small else rng.randrange(150000, 240000, 1000),
                            25 if small else rng.choice([50, 60, 80]),
                            datetime(2011, 2, rng.randint(10, 28), 10, 0, tzinfo=CST), False, used=used)
            f["review"] = {"decision": "approve", "specialPlan": False, "at": iso(datetime(2011, 3, 6, 10, 0, tzinfo=CST)),
                           "comment": "列入县区年度培训计划"}
            if small:
                f["exclusion"] = {"kind": "TooSmall", "reason": "规模过小，由县区自行组织",
                                  "at": iso(datetime(2011, 3, 12, 10, 0, tzinfo=CST))}
            else:
                county_groups.setdefault(theme, []).append(f)
            filings.append(f)

    # Merge: 30 special filings -> 22 projects; 24 county filings -> 21 projects.
    groups = []
    pool = [f for fs in special_groups.values() for f in fs]
    pool.sort(key=lambda f: (SYSTEM[f["unit"]], f["ref"]))
    merges = 8
    i = 0
    while i < len(pool):
        if merges and i + 1 < len(pool) and SYSTEM[pool[i]["unit"]] == SYSTEM[pool[i + 1]["unit"]]:
            groups.append(pool[i:i + 2]); i += 2; merges -= 1
        else:
            groups.append([pool[i]]); i += 1
    assert len(groups) == 22, len(groups)
    cpool = [f for fs in county_groups.values() for f in fs]
    cpool.sort(key=lambda f: (f["theme"], f["ref"]))
    cgroups, merges, i = [], 3, 0
    while i < len(cpool):
        if merges and i + 1 < len(cpool) and cpool[i]["theme"] == cpool[i + 1]["theme"]:
            cgroups.append(cpool[i:i + 2]); i += 2; merges -= 1
        else:
            cgroups.append([cpool[i]]); i += 1
    assert len(cgroups) == 21, len(cgroups)
    groups += cgroups

    # Proposal counts: 41 completed projects share 316, one cancelled has 7, one unsuccessful has 2.
    counts = [7] * 41
    for k in range(316 - 7 * 41):
        counts[k * 7 % 41] += 1
    for k in range(0, 41, 6):
        counts[k] -= 1; counts[(k + 3) % 41] += 1
    counts += [7, 2]
    assert sum(counts) == 325

    for idx, group in enumerate(groups):
        code = f"2011-{idx + 1:02d}"
        lead = max(group, key=lambda f: f["budget"])
        tags = course_tags(group)
        title, title_en = project_title(group, titles)
        ceiling = sum(f["budget"] for f in group)
        headcount = sum(f["headcount"] for f in group)
        publish = datetime(2011, 3, 18 + idx % 6, 9, 0, tzinfo=CST)
        deadline = publish + timedelta(days=7)
        deadline = deadline.replace(hour=17)
        inv = invited(tags)
        want = counts[idx]
        if len(inv) < want:
            raise SystemExit(f"{code}: {len(inv)} invited < {want} proposals")
        bidders = rng.sample(inv, want)
        winner = bidders[0]
        proposals = []
        for b in bidders:
            factor = rng.uniform(0.82, 0.90) if b == winner else rng.uniform(0.80, 1.0)
            faculty, outline = proposal_text(b, group, lead["days"])
            proposals.append({"institution": b, "price": int(round(ceiling * factor, -3)),
                              "days": lead["days"], "faculty": faculty, "outline": outline,
                              "receivedAt": iso(publish + timedelta(hours=rng.randint(30, 160)))})
        if idx % 9 == 4 and len(proposals) >= 4:  # an abnormally low offer now and then
            proposals[-1]["price"] = int(round(ceiling * 0.45, -3))
        panel = rng.sample(EXPERTS, 5 if idx % 4 else 3)
        conflicts = set()
        if idx % 8 == 2:
            conflicts.add((panel[1], bidders[-1]))
        quality = {b: (0.93 if b == winner else rng.uniform(0.62, 0.82)) for b in bidders}
        scores = []
        for e in panel:
            for b in bidders:
                if (e, b) in conflicts: continue
                q = quality[b]
                if idx in (6, 19) and e == panel[0] and b == winner:
                    q = 0.45  # an outlier that needs a written reason
                scores.append({"expert": e, "institution": b, "points": sheet_points(q),
                               "submittedAt": iso(deadline + timedelta(days=2, hours=rng.randint(0, 8)))})
        p = {"code": code, "title": title, "titleEn": title_en, "description": merged_from(group),
             "theme": lead["theme"], "sources": [f["ref"] for f in group],
             "consolidatedAt": iso(datetime(2011, 3, 15, 10, 0, tzinfo=CST)),
             "publishedAt": iso(publish), "deadline": iso(deadline), "openedAt": iso(deadline + timedelta(hours=1)),
             "panel": panel, "proposals": proposals,
             "invitations": {i: {"ack": "phone" if k % 5 == 0 else "portal",
                                 "at": iso(publish + timedelta(hours=6 + k))} for k, i in enumerate(inv)},
             "conflicts": [{"expert": e, "institution": b, "reason": "该专家为投标机构兼职教授"} for e, b in conflicts],
             "scores": scores}
        if idx == 42:
            p["stage"] = "unsuccessful"
            p.pop("panel"); p.pop("scores"); p.pop("conflicts")
        else:
            order = rank(proposals, scores, conflicts)
            for s in scores:
                if s["points"] and sum(s["points"]) < 0.7 * 90 * 0.9 and s["institution"] == winner:
                    s["outlierReason"] = "该专家认为方案与本单位实际结合不够，已书面说明"
            p["finalisedAt"] = iso(deadline + timedelta(days=4))
            if idx == 41:
                p["stage"] = "cancelled"
                p["cancel"] = {"reason": "主办单位因工作调整取消本期培训"}
            else:
                p["stage"] = "completed"
                pick = order[1] if idx in (11, 27, 35) else order[0]
                p["award"] = {"institution": pick, "reason": None if pick == order[0] else "第一名机构档期与培训时间冲突，选择第二名",
                              "at": iso(deadline + timedelta(days=8))}
                start = datetime.fromisoformat(lead["plannedStart"]).date()
                end = datetime.fromisoformat(lead["plannedEnd"]).date()
                report = end + timedelta(days=rng.randint(5, 14) if idx != 30 else 19)
                p["execution"] = {"start": start.isoformat(), "end": end.isoformat(),
                                  "trainees": headcount - rng.randint(0, 5),
                                  "reportAt": iso(datetime(report.year, report.month, report.day, 10, 0, tzinfo=CST))}
        projects.append(p)

    # The 41 awarded prices add up to exactly 7,470,000 yuan.
    done = [p for p in projects if p.get("stage") == "completed"]
    def award_price(p): return next(x for x in p["proposals"] if x["institution"] == p["award"]["institution"])
    total = sum(award_price(p)["price"] for p in done)
    diff = 7_470_000 - total
    step = int(diff / len(done) / 10) * 10
    for p in done:
        award_price(p)["price"] += step
    award_price(done[-1])["price"] += 7_470_000 - sum(award_price(p)["price"] for p in done)
    assert sum(award_price(p)["price"] for p in done) == 7_470_000
    for p in done:
        ap = award_price(p)
        ceiling = sum(f["budget"] for f in filings if f["ref"] in p["sources"])
        assert ap["price"] <= ceiling, (p["code"], ap["price"], ceiling)
        # The shortlist the portal computes must still hold the pick (prices moved a little).
        order = rank(p["proposals"], p["scores"], {(c["expert"], c["institution"]) for c in p["conflicts"]})
        want = order[1] if p["award"]["reason"] else order[0]
        assert want == p["award"]["institution"], p["code"]
        p["execution"]["cost"] = ap["price"]

    # Documents: notice, plan and budget ten days or more before the course; two came late.
    for k, f in enumerate(filings):
        if f.get("review", {}).get("decision") != "approve" or "exclusion" in f: continue
        start = datetime.fromisoformat(f["plannedStart"])
        lead_days = 8 if k in (7, 40) else rng.randint(11, 20)
        at = datetime(start.year, start.month, start.day, 10, 0, tzinfo=CST) - timedelta(days=lead_days)
        f["documents"] = [{"kind": kind, "at": iso(at)} for kind in ("CourseNotice", "TrainingPlan", "Budget")]
        if not f.get("review", {}).get("specialPlan") and f["ref"].startswith("M"): continue
        end = datetime.fromisoformat(f["plannedEnd"])
        f["documents"].append({"kind": "WrittenReport",
                               "at": iso(datetime(end.year, end.month, end.day, 10, 0, tzinfo=CST) + timedelta(days=rng.randint(3, 14)))})

    for f in filings: f.pop("topic")
    return {"year": 2011, "name": "2011年度东营市干部教育培训项目招标（示例）",
            "nameEn": "Dongying cadre training tender 2011 (illustrative details)", "illustrative": True,
            "status": "Closed", "rubric": RUBRIC, "filings": filings, "projects": projects}

# ---------------------------------------------------------------- the current campaign
def current_scores(code, stage, bidders, quality, closed):
    """The panel of five's sheets on a current project, each expert sending its sheets an hour after the one before.

    Under evaluation (C-04): expert01 has not begun (no declaration, no sheet: a visitor signing in as
    expert01 declares and scores at once); expert02 and expert03 have submitted every proposal; expert04
    has drafts on three, some criteria still blank; expert05 declared a conflict with the last bidder and
    submitted the rest. Shortlisted and awarded: all five submitted everything; on the shortlisted project
    expert05 scored the third bidder far below the others and wrote down why.
    """
    r = random.Random(code)
    scores, conflicts = [], []
    for k, e in enumerate(EXPERTS[:5]):
        at = f"{closed}+2d+{k + 1}h"
        if stage == "evaluating" and e == "expert01": continue
        if stage == "evaluating" and e == "expert05":
            conflicts.append({"expert": e, "institution": bidders[-1], "reason": "该专家近三年在该机构兼职授课"})
        for j, b in enumerate(bidders):
            if any(c["expert"] == e and c["institution"] == b for c in conflicts): continue
            q = 0.40 if (stage == "shortlisted" and e == "expert05" and j == 2) else quality[b]
            s = {"expert": e, "institution": b, "points": sheet_points(q, r), "submittedAt": at}
            if stage == "evaluating" and e == "expert04":
                if j >= 3: continue
                s["draft"] = True
                if j > 0: s["points"] = s["points"][:4 - j] + [None] * j  # the last criteria still blank
            if q == 0.40:
                s["outlierReason"] = "方案以课堂讲授为主，现场教学和研讨安排不足，与本单位培训需求差距较大，故评分明显低于其他专家"
                s["comment"] = "建议增加案例研讨和现场教学。"
            scores.append(s)
    declared = sorted({s["expert"] for s in scores} | {c["expert"] for c in conflicts})
    return scores, conflicts, declared

def check_outliers(p):
    """The domain's rule, as the seeder meets it: each sheet, in the order sent, more than 30% off the mean of
    the proposal's submitted totals (itself included) needs a reason; so does one that is so at the end."""
    lowest = min(x["price"] for x in p["proposals"])
    price = {x["institution"]: lowest / x["price"] * PRICE_POINTS for x in p["proposals"]}
    def outlier(total, totals):
        mean = sum(totals) / len(totals)
        return abs(total - mean) > 0.30 * mean
    sent = {}
    for s in sorted((s for s in p["scores"] if not s.get("draft")), key=lambda s: s["submittedAt"]):
        total = sum(s["points"]) + price[s["institution"]]
        before = sent.setdefault(s["institution"], [])
        if before and outlier(total, before + [total]):
            assert s.get("outlierReason"), (p["code"], s["expert"], s["institution"])
        before.append(total)
    for s in p["scores"]:
        if s.get("draft"): continue
        if outlier(sum(s["points"]) + price[s["institution"]], sent[s["institution"]]):
            assert s.get("outlierReason"), (p["code"], s["expert"], s["institution"], "at the end")
    return sum(1 for s in p["scores"] if s.get("outlierReason"))

def campaign_current():
    # C-01 is a real merge: three bureaus' courses on the Yellow River delta's ecology, still a draft so the
    # organizer can see its tags and list. The others come from one filing each, one at every step.
    merged = [("HBJ", SM, "生态环境保护", 236000), ("GHJ", SM, "城市生态空间规划", 168000),
              ("HYJ", SM, "海洋环境保护与海域管理", 182000)]
    spec = [  # (unit, theme, topic, stage) for the other consolidated projects
        ("SJJ", EC, "审计监督与问责", "open"),
        ("CZJ", EM, "金融风险防控", "closed"),
        ("HYJ", EM, "现代渔业发展", "evaluating"),
        ("CZJ", EC, "财政监督与内部控制", "shortlisted"),
        ("HYJ", SM, "海洋防灾减灾", "awarded"),
    ]
    filings, projects = [], []
    def planned(f, start_day, filed, review):
        f["plannedStart"] = f"today+{start_day}"
        f["plannedEnd"] = f"today+{start_day + f['days'] - 1}"
        f["filedAt"] = filed
        if review: f["review"] = review
        filings.append(f)
    approve = {"decision": "approve", "specialPlan": True, "at": "now-50d", "comment": "列入年度专项计划"}
    for k, (unit, theme, topic, budget) in enumerate(merged):
        f = make_filing(f"N{len(filings) + 1:03d}", unit, theme, datetime(2000, 1, 1).date(), budget, [60, 40, 40][k],
                        datetime(2000, 1, 1, tzinfo=CST), True, cross=True, topic=topic)
        f["place"] = "东营"  # taught where the delta is, with days at the nature reserve
        planned(f, 45, "now-60d", approve)
    for k, (unit, theme, topic, stage) in enumerate(spec):
        f = make_filing(f"N{len(filings) + 1:03d}", unit, theme, datetime(2000, 1, 1).date(),
                        rng.randrange(150000, 240000, 1000), rng.choice([50, 60, 80]), datetime(2000, 1, 1, tzinfo=CST), True,
                        major=True, topic=topic)
        planned(f, 40 + 7 * (k + 1), "now-60d", approve)
    waiting = [("JYJ", SM, "学校安全与教育公平", None), ("WSJ", SM, "公共卫生应急管理", None), ("CZJ", EM, "预算绩效管理", None),
               ("SJJ", EC, "审计现场管理与执行力提升", "return"), ("KLX", EM, "县域经济发展", "draft"),
               ("GHJ", SM, "城乡规划与建设管理", "approved"), ("ZJJ", SM, "城乡建设与人居环境改善", "approved")]
    for k, (unit, theme, topic, what) in enumerate(waiting):
        f = make_filing(f"N{len(filings) + 1:03d}", unit, theme, datetime(2000, 1, 1).date(),
                        rng.randrange(80000, 200000, 1000), rng.choice([40, 60]), datetime(2000, 1, 1, tzinfo=CST), False,
                        cross=k % 2 == 0, topic=topic)
        review = {"return": {"decision": "return", "at": "now-2d", "comment": "请补充培训对象和课程安排"},
                  "approved": {"decision": "approve", "specialPlan": True, "at": "now-1d", "comment": "同意列入专项计划"}}.get(what)
        planned(f, 30 + 5 * k, "now-4d", review)
        if what == "draft": f["draft"] = True

    titles = set()
    groups = [(filings[:3], "draft")] + [([filings[3 + k]], stage) for k, (*_, stage) in enumerate(spec)]
    for k, (group, stage) in enumerate(groups):
        code = f"C-{k + 1:02d}"
        lead = max(group, key=lambda f: f["budget"])
        if len(group) > 1:
            title, title_en = "黄河三角洲生态保护与绿色发展专题培训班", "Ecological Protection and Green Development in the Yellow River Delta"
        else:
            title, title_en = project_title(group, titles)
        inv = invited(course_tags(group))
        p = {"code": code, "title": title, "titleEn": title_en, "description": merged_from(group), "theme": lead["theme"],
             "sources": [f["ref"] for f in group], "consolidatedAt": "now-40d", "stage": stage,
             "invitations": {i: {"ack": "none"} for i in inv}}
        if stage == "draft":
            projects.append(p); continue
        # Published at 09:00 and closing at 17:00, Beijing time, as the organizer sets them.
        timeline = {"open": ("today-2@09:00", "today+5@17:00"), "closed": ("today-8@09:00", "today-1@17:00"),
                    "evaluating": ("today-12@09:00", "today-5@17:00"), "shortlisted": ("today-20@09:00", "today-13@17:00"),
                    "awarded": ("today-30@09:00", "today-23@17:00")}[stage]
        p["publishedAt"], p["deadline"] = timeline
        for j, i in enumerate(inv):
            p["invitations"][i] = {"ack": "none" if (stage == "open" and j % 3 == 2) else ("phone" if j % 4 == 0 else "link"),
                                   "at": timeline[0] + "+6h"}
        count = {"open": 2, "closed": 5, "evaluating": 6, "shortlisted": 7, "awarded": 6}[stage]
        bidders = [b for b in ["PKU", "THU", "SUFE", "XNAI", "NAU", "OUC", "SDU", "TJU", "SJTU"] if b in inv][:count]
        bidders += [b for b in inv if b not in bidders][:count - len(bidders)]
        ceiling = lead["budget"]
        p["proposals"] = []
        for j, b in enumerate(bidders):
            faculty, outline = proposal_text(b, group, lead["days"])
            p["proposals"].append({"institution": b, "price": int(round(ceiling * rng.uniform(0.82, 0.99), -3)), "days": lead["days"],
                                   "faculty": faculty, "outline": outline, "receivedAt": timeline[0] + f"+{20 + 9 * j}h"})
        if stage == "open":
            p["questions"] = [{"institution": bidders[0], "text": "培训是否需要安排现场教学？费用是否包含在报价内？",
                               "askedAt": "now-1d", "answer": "需要安排1天现场教学，费用包含在报价内。", "answeredAt": "now-1d+3h",
                               "material": False}]
        if stage in ("evaluating", "shortlisted", "awarded"):
            p["openedAt"] = timeline[1] + "+1h"
            p["panel"] = EXPERTS[:5]
            quality = {b: rng.uniform(0.65, 0.92) for b in bidders}
            # The draws the three-member panels of earlier versions took, so the proposals after these stay as they were.
            for _ in range({"evaluating": 9, "shortlisted": 21, "awarded": 18}[stage] * len(TYPED_MAX)): rng.uniform(-0.04, 0.04)
            p["scores"], p["conflicts"], p["declared"] = current_scores(code, stage, bidders, quality, timeline[1])
        if stage in ("shortlisted", "awarded"):
            p["finalisedAt"] = timeline[1] + "+4d"
        if "scores" in p:
            assert check_outliers(p) == (1 if stage == "shortlisted" else 0), code
        if stage == "shortlisted":
            # One objection (质疑) during the notice, by a bidder outside the shortlist of three, answered by the
            # organizer without reopening scoring: the demo shows the history and the project can still be awarded.
            order = rank(p["proposals"], p["scores"], {(c["expert"], c["institution"]) for c in p["conflicts"]})
            objector = next(b for b in order[3:] if b in ("PKU", "THU", "SUFE", "XNAI", "NAU", "OUC", "SDU"))
            p["objections"] = [{"institution": objector, "filedBy": f"inst.{objector.lower()}", "filedAt": timeline[1] + "+5d",
                                "reason": "我单位投标文件所列师资中有两名教授具有财政监督实务经历，"
                                          "请复核评审专家对“师资力量”一项的评分是否与投标文件相符、各位专家的评分是否一致。",
                                "answer": "经复核，五位评审专家的评分均已提交并记录在案，“师资力量”一项的评分依据评分细则，"
                                          "未发现计分错误；报价得分已按最低价法计算。推荐结果维持不变。",
                                "answeredAt": timeline[1] + "+6d"}]
        if stage == "awarded":
            order = rank(p["proposals"], p["scores"], set())
            p["award"] = {"institution": order[0], "reason": None, "at": timeline[1] + "+7d"}
            # Held in the recent past, recorded the day after; the report is not in yet and is due in a week: in execution.
            # (No draws from rng here: the data after this stays as it was.)
            price = next(x["price"] for x in p["proposals"] if x["institution"] == order[0])
            p["execution"] = {"start": f"today-{8 + lead['days'] - 1}", "end": "today-8", "trainees": lead["headcount"] - 2,
                              "cost": price - 3650, "recordedAt": "today-7@10:00", "reportAt": None}
        projects.append(p)
    for f in filings: f.pop("topic")
    return {"year": None, "name": "{year}年度干部教育培训项目招标", "nameEn": "Cadre training tender {year}",
            "illustrative": True, "status": "Tendering", "rubric": RUBRIC, "filings": filings, "projects": projects}

# ---------------------------------------------------------------- accounts
PASSWORD = "Demo#2026"
accounts = [{"login": "organizer", "role": "Organizer", "name": "市委组织部培训办", "password": PASSWORD}]
for code in ["CZJ", "HYJ", "SJJ", "GHJ", "JYJ", "KLX"]:
    accounts.append({"login": f"sponsor.{code.lower()}", "role": "Sponsor", "unit": code,
                     "name": unit_name(code) + "培训联络员", "password": PASSWORD})
for code in ["PKU", "THU", "SUFE", "XNAI", "NAU", "OUC", "SDU"]:
    name = next(i["name"] for i in institutions if i["code"] == code)
    accounts.append({"login": f"inst.{code.lower()}", "role": "Institution", "institution": code,
                     "name": name + "培训办公室", "password": PASSWORD})
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周"]
for k, e in enumerate(EXPERTS):
    accounts.append({"login": e, "role": "Evaluator", "name": f"{SURNAMES[k]}教授（评审专家）", "password": PASSWORD})

write("units.json", units)
write("institutions.json", institutions)
write("accounts.json", accounts)
write("campaign-2011.json", campaign_2011())
write("campaign-current.json", campaign_current())
print("written to", os.path.normpath(OUT))
