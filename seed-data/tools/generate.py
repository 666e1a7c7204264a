#!/usr/bin/env python3
"""Writes the demo campaign files in seed-data/ (run from anywhere; deterministic).

The 2011 totals are the Dongying report's (60 filings, 30 in the special plan, 43 consolidated
projects, 26 institutions, 325 proposals, 41 completed projects, 7.47 million yuan). Every
filing, proposal, price and score behind them is invented to add up to those totals.
The portal reads the JSON at first start; this script is only how the JSON was made.
"""
import json, os, random
from datetime import datetime, timedelta, timezone

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
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
TAGS = {"economy": ["economy", "finance"], "finance": ["finance", "accounting"], "land": ["land", "planning"],
        "planning": ["planning", "urban"], "environment": ["environment"], "education": ["education"],
        "health": ["health"], "social": ["social-governance"], "agriculture": ["agriculture"],
        "ocean": ["ocean", "fisheries"], "audit": ["audit", "accounting"], "statistics": ["statistics", "economy"],
        "media": ["media"], "legal": ["law"], "county": ["county-governance"]}

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
    {"name": "方案设计", "nameEn": "Programme design", "maxPoints": 30, "isPrice": False},
    {"name": "师资力量", "nameEn": "Faculty", "maxPoints": 25, "isPrice": False},
    {"name": "课程内容", "nameEn": "Course content", "maxPoints": 20, "isPrice": False},
    {"name": "组织保障", "nameEn": "Organisation and logistics", "maxPoints": 15, "isPrice": False},
    {"name": "报价", "nameEn": "Price", "maxPoints": 10, "isPrice": True},
]
TYPED_MAX = [c["maxPoints"] for c in RUBRIC if not c["isPrice"]]
PRICE_POINTS = 10

TOPICS = {
    "EconomicManagement": ["宏观经济形势与政策", "现代财政管理", "招商引资与项目管理", "区域经济发展战略", "金融风险防控",
                           "蓝色经济区建设", "统计数据质量管理", "国有资产管理", "现代服务业发展"],
    "SocialManagement": ["社会管理创新", "基层社会治理", "公共危机管理", "民生保障政策", "城乡规划与建设管理",
                         "生态环境保护", "公共卫生应急管理", "依法行政能力", "舆情应对与新闻发布"],
    "ExecutionCapacity": ["领导干部执行力提升", "干部综合素质提升", "项目推进与督查落实", "团队建设与沟通协调",
                          "高效行政与服务创新", "审计监督与问责", "廉政建设与风险防控"],
}
THEME_EN = {"EconomicManagement": "economic management", "SocialManagement": "social management",
            "ExecutionCapacity": "execution capacity"}
PLACES = ["北京", "上海", "杭州", "厦门", "南京", "青岛", "济南", "东营"]
TARGETS = ["县处级领导干部", "科级干部", "业务骨干", "乡镇（街道）党政正职", "中青年后备干部"]

def unit_name(code): return next(u["name"] for u in units if u["code"] == code)

def make_filing(ref, unit, theme, start, budget, headcount, filed_at, special, cross=False, major=False):
    days = rng.choice([4, 5, 6, 7])
    topic = rng.choice(TOPICS[theme])
    return {"ref": ref, "unit": unit, "title": f"{unit_name(unit).replace('东营市', '').replace('中共东营市委', '')}{topic}专题培训班",
            "theme": theme, "targetTrainees": rng.choice(TARGETS), "headcount": headcount, "days": days,
            "plannedStart": start.isoformat(), "plannedEnd": (start + timedelta(days=days - 1)).isoformat(),
            "place": rng.choice(PLACES), "budget": budget,
            "objectives": f"围绕{topic}，提升参训干部的理论水平和实际工作能力。",
            "crossUnit": cross, "majorTopic": major, "filedAt": iso(filed_at)}

def sheet_points(quality):
    return [round(max(0.3, min(1.0, quality + rng.uniform(-0.04, 0.04))) * m, 1) for m in TYPED_MAX]

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
def campaign_2011():
    filings, projects = [], []
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
                            cross=special and n % 4 == 0, major=special and n % 4 != 0)
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
                            datetime(2011, 2, rng.randint(10, 28), 10, 0, tzinfo=CST), False)
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
        system = SYSTEM[lead["unit"]]
        tags = sorted(set(TAGS[system] + (["county-governance"] if system == "county" else [])))
        if system == "county":
            tags = sorted(set(tags + {"EconomicManagement": ["economy"], "SocialManagement": ["social-governance"],
                                      "ExecutionCapacity": []}[lead["theme"]]))
        topic = lead["title"]
        title = topic if len(group) == 1 else topic.replace("专题培训班", "等专题整合培训班")
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
            proposals.append({"institution": b, "price": int(round(ceiling * factor, -3)),
                              "days": lead["days"], "faculty": "教授、研究员及实务专家", "outline": "专题讲座、案例教学、现场教学、研讨交流",
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
        p = {"code": code, "title": title, "titleEn": f"Consolidated {THEME_EN[lead['theme']]} programme {idx + 1:02d}",
             "description": "由" + "、".join(f["ref"] for f in group) + "整合而成" if len(group) > 1 else "由单一备案项目形成",
             "theme": lead["theme"], "tags": tags, "sources": [f["ref"] for f in group],
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

    return {"year": 2011, "name": "2011年度东营市干部教育培训项目招标（示例）",
            "nameEn": "Dongying cadre training tender 2011 (illustrative details)", "illustrative": True,
            "status": "Closed", "rubric": RUBRIC, "filings": filings, "projects": projects}

# ---------------------------------------------------------------- the current campaign
def campaign_current():
    themes = ["EconomicManagement", "SocialManagement", "ExecutionCapacity"]
    spec = [  # (unit, theme, stage) for the consolidated projects
        ("GHJ", "SocialManagement", "draft"),
        ("SJJ", "ExecutionCapacity", "open"),
        ("CZJ", "EconomicManagement", "closed"),
        ("HYJ", "EconomicManagement", "evaluating"),
        ("CZJ", "ExecutionCapacity", "shortlisted"),
        ("HYJ", "SocialManagement", "awarded"),
    ]
    filings, projects = [], []
    for k, (unit, theme, stage) in enumerate(spec):
        f = make_filing(f"N{k + 1:03d}", unit, theme, None or datetime(2000, 1, 1).date(),
                        rng.randrange(150000, 240000, 1000), rng.choice([50, 60, 80]), datetime(2000, 1, 1, tzinfo=CST), True,
                        major=True)
        f["plannedStart"] = f"today+{40 + 7 * k}"
        f["plannedEnd"] = f"today+{40 + 7 * k + f['days'] - 1}"
        f["filedAt"] = "now-60d"
        f["review"] = {"decision": "approve", "specialPlan": True, "at": "now-50d", "comment": "列入年度专项计划"}
        filings.append(f)
    waiting = [("JYJ", "SocialManagement", None), ("WSJ", "SocialManagement", None), ("CZJ", "EconomicManagement", None),
               ("SJJ", "ExecutionCapacity", "return"), ("KLX", "EconomicManagement", "draft"),
               ("GHJ", "SocialManagement", "approved")]
    for k, (unit, theme, what) in enumerate(waiting):
        f = make_filing(f"N{len(spec) + k + 1:03d}", unit, theme, datetime(2000, 1, 1).date(),
                        rng.randrange(80000, 200000, 1000), rng.choice([40, 60]), datetime(2000, 1, 1, tzinfo=CST), False,
                        cross=k % 2 == 0)
        f["plannedStart"] = f"today+{30 + 5 * k}"
        f["plannedEnd"] = f"today+{30 + 5 * k + f['days'] - 1}"
        f["filedAt"] = "now-4d"
        if what == "draft": f["draft"] = True
        elif what == "return":
            f["review"] = {"decision": "return", "at": "now-2d", "comment": "请补充培训对象和课程安排"}
        elif what == "approved":
            f["review"] = {"decision": "approve", "specialPlan": True, "at": "now-1d", "comment": "同意列入专项计划"}
        filings.append(f)

    for k, (unit, theme, stage) in enumerate(spec):
        f = filings[k]
        code = f"C-{k + 1:02d}"
        tags = TAGS[SYSTEM[unit]]
        inv = invited(tags)
        p = {"code": code, "title": f["title"], "titleEn": f"{THEME_EN[theme].capitalize()} programme {k + 1:02d}",
             "description": "由单一备案项目形成", "theme": theme, "tags": tags, "sources": [f["ref"]],
             "consolidatedAt": "now-40d", "stage": stage,
             "invitations": {i: {"ack": "none"} for i in inv}}
        if stage == "draft":
            projects.append(p); continue
        timeline = {"open": ("now-2d", "now+5d"), "closed": ("now-8d", "now-1d"), "evaluating": ("now-12d", "now-5d"),
                    "shortlisted": ("now-20d", "now-13d"), "awarded": ("now-30d", "now-23d")}[stage]
        p["publishedAt"], p["deadline"] = timeline
        for j, i in enumerate(inv):
            p["invitations"][i] = {"ack": "none" if (stage == "open" and j % 3 == 2) else ("phone" if j % 4 == 0 else "link"),
                                   "at": timeline[0] + "+6h"}
        count = {"open": 2, "closed": 5, "evaluating": 6, "shortlisted": 7, "awarded": 6}[stage]
        bidders = [b for b in ["PKU", "THU", "SUFE", "XNAI", "NAU", "OUC", "SDU", "TJU", "SJTU"] if b in inv][:count]
        bidders += [b for b in inv if b not in bidders][:count - len(bidders)]
        ceiling = f["budget"]
        p["proposals"] = [{"institution": b, "price": int(round(ceiling * rng.uniform(0.82, 0.99), -3)), "days": f["days"],
                           "faculty": "教授、研究员及实务专家", "outline": "专题讲座、案例教学、现场教学、研讨交流",
                           "receivedAt": timeline[0] + f"+{20 + 9 * j}h"} for j, b in enumerate(bidders)]
        if stage == "open":
            p["questions"] = [{"institution": bidders[0], "text": "培训是否需要安排现场教学？费用是否包含在报价内？",
                               "askedAt": "now-1d", "answer": "需要安排1天现场教学，费用包含在报价内。", "answeredAt": "now-1d+3h",
                               "material": False}]
        if stage in ("evaluating", "shortlisted", "awarded"):
            p["openedAt"] = timeline[1] + "+1h"
            p["panel"] = ["expert01", "expert02", "expert03"]
            quality = {b: rng.uniform(0.65, 0.92) for b in bidders}
            scores = []
            for e in p["panel"]:
                if stage == "evaluating" and e == "expert03": continue
                for j, b in enumerate(bidders):
                    if stage == "evaluating" and e == "expert02" and j >= 3: continue
                    scores.append({"expert": e, "institution": b, "points": sheet_points(quality[b]),
                                   "submittedAt": timeline[1] + "+2d"})
            p["scores"] = scores
            p["conflicts"] = []
        if stage in ("shortlisted", "awarded"):
            p["finalisedAt"] = timeline[1] + "+4d"
        if stage == "awarded":
            order = rank(p["proposals"], p["scores"], set())
            p["award"] = {"institution": order[0], "reason": None, "at": timeline[1] + "+7d"}
        projects.append(p)
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
