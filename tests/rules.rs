//! The rule pack: the embedded data loads and validates, the LPR lookup picks
//! the fixing in force on each side of every change (table typed from
//! published LPR announcements, not from the pack), rules carry sources and confidence,
//! `legalRules()` has the documented shape, and a data-only change (a new
//! LPR row) flows into the caps without code changes.

mod common;

use common::dec;

use repay::api::legal_rules;
use repay::calendar::Date;
use repay::caps::{evaluate_caps, CapContext, ChargeParts};
use repay::money::DayBasis;
use repay::rules::{self, Jurisdiction, Lender, RULES_JSON};
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The LPR fixings as announced by the National Interbank Funding Center
/// (全国银行间同业拆借中心; rows confirmed in press reports), typed by hand: (effective from, one-year %, five-year %).
const A5: [(&str, &str, &str); 15] = [
    ("2019-08-20", "4.25", "4.85"),
    ("2019-09-20", "4.20", "4.85"),
    ("2019-11-20", "4.15", "4.80"),
    ("2020-02-20", "4.05", "4.75"),
    ("2020-04-20", "3.85", "4.65"),
    ("2021-12-20", "3.80", "4.65"),
    ("2022-01-20", "3.70", "4.60"),
    ("2022-05-20", "3.70", "4.45"),
    ("2022-08-22", "3.65", "4.30"),
    ("2023-06-20", "3.55", "4.20"),
    ("2023-08-21", "3.45", "4.20"),
    ("2024-02-20", "3.45", "3.95"),
    ("2024-07-22", "3.35", "3.85"),
    ("2024-10-21", "3.10", "3.60"),
    ("2025-05-20", "3.00", "3.50"),
];

#[test]
fn embedded_pack_matches_domain_table() {
    let p = rules::pack().unwrap();
    assert_eq!(p.lpr.len(), A5.len());
    for (row, (from, one, five)) in p.lpr.iter().zip(A5) {
        assert_eq!(
            (row.from, row.one_year, row.five_year),
            (d(from), dec(one), dec(five))
        );
    }
    assert_eq!(p.as_of, d("2026-12-07"));
    assert_eq!(p.lpr_confirmed_through, d("2026-02-24"));
}

#[test]
fn lpr_in_force_on_each_side_of_every_change() {
    let p = rules::pack().unwrap();
    assert!(p.lpr_on(d("2019-08-19")).is_none());
    for i in 0..A5.len() {
        let from = d(A5[i].0);
        let day_before = from.add_days(-1).unwrap();
        assert_eq!(p.lpr_on(from).unwrap().one_year, dec(A5[i].1), "{from}");
        if i > 0 {
            assert_eq!(
                p.lpr_on(day_before).unwrap().one_year,
                dec(A5[i - 1].1),
                "{day_before}"
            );
        }
    }
    // The example from the brief: 2024-10-20 → 3.35 % (×4 = 13.4); 2024-10-21 → 3.10 % (12.4).
    assert_eq!(p.lpr_on(d("2024-10-20")).unwrap().one_year, dec("3.35"));
    assert_eq!(p.lpr_on(d("2024-10-21")).unwrap().one_year, dec("3.10"));
    assert_eq!(p.lpr_on(d("2030-01-01")).unwrap().one_year, dec("3.00"));
}

#[test]
fn rule_scopes_decide_what_applies() {
    let p = rules::pack().unwrap();
    let cn = Jurisdiction::Cn;
    let all = [
        Lender::Bank,
        Lender::CreditCard,
        Lender::ConsumerFinance,
        Lender::MicroLoan,
        Lender::Private,
        Lender::Unlicensed,
        Lender::Other,
        Lender::Unknown,
    ];
    let expect = |id: &str, yes: &[Lender]| {
        let r = p.rule(id).unwrap();
        for l in all {
            assert_eq!(r.applies_to(cn, l), yes.contains(&l), "{id} {l:?}");
            assert!(!r.applies_to(Jurisdiction::Uk, l) || r.jurisdiction == Jurisdiction::Uk);
        }
    };
    // An unlicensed lender's contract is void; private lending's line is the
    // most any private loan is supported at, so it is shown for them too.
    expect("cnPrivate4xLpr", &[Lender::Private, Lender::Unlicensed]);
    expect("cnPrivate2015", &[Lender::Private, Lender::Unlicensed]);
    expect("cnUnlicensedVoid", &[Lender::Unlicensed]);
    // The 24 % line holds whoever lends (a reduction on request for licensed
    // lenders; private lending's own line is lower), so it applies to an
    // unknown lender; the private-lending line does not.
    expect(
        "cnFinancial24",
        &[
            Lender::Bank,
            Lender::CreditCard,
            Lender::ConsumerFinance,
            Lender::MicroLoan,
            Lender::Unknown,
        ],
    );
    // The 2019 opinion concerns unlicensed lending.
    expect(
        "cnIllegalLending36",
        &[Lender::Private, Lender::Unlicensed, Lender::Other],
    );
    // A rule for every possible lender applies when the lender is unknown.
    expect("cnActualPrincipal", &all);
    expect("cnCardNoInterestOnFees", &[Lender::CreditCard]);
    expect("cnLocalFinancialOrganisations", &[Lender::MicroLoan]);
    let uk = p.rule("ukHcstcTotalCost").unwrap();
    assert!(uk.applies_to(Jurisdiction::Uk, Lender::Other));
    assert!(!uk.applies_to(cn, Lender::Other));
}

fn legal() -> Json {
    serde_json::to_value(legal_rules()).unwrap()
}

fn rule(out: &Json, id: &str) -> Json {
    out["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no rule {id}"))
}

#[test]
fn legal_rules_shape() {
    let out = legal();
    assert_eq!(out["asOf"], "2026-12-07");
    assert_eq!(out["version"], "2026.12.07-1");
    assert_eq!(out["lprConfirmedThrough"], "2026-02-24");
    assert!(out.get("problem").is_none());
    assert_eq!(
        out["lpr"][0],
        json!({ "from": "2019-08-20", "oneYearPercent": "4.2500", "fiveYearPercent": "4.8500" })
    );
    assert_eq!(
        out["lpr"][13],
        json!({ "from": "2024-10-21", "oneYearPercent": "3.1000", "fiveYearPercent": "3.6000" })
    );
    for r in out["rules"].as_array().unwrap() {
        for key in [
            "id",
            "kind",
            "jurisdiction",
            "scope",
            "description",
            "zh",
            "en",
            "source",
            "confidence",
            "asOf",
        ] {
            assert!(r.get(key).is_some(), "{} lacks {key}", r["id"]);
        }
        for key in ["document", "article", "date"] {
            assert!(
                r["source"].get(key).is_some(),
                "{} source lacks {key}",
                r["id"]
            );
        }
        assert!(["primary", "secondary", "reported"].contains(&r["confidence"].as_str().unwrap()));
        assert!(!r["zh"].as_str().unwrap().is_empty() && !r["en"].as_str().unwrap().is_empty());
    }
    for f in out["facts"].as_array().unwrap() {
        for key in ["id", "zh", "en", "source", "confidence"] {
            assert!(f.get(key).is_some(), "{} lacks {key}", f["id"]);
        }
    }
}

#[test]
fn rules_carry_their_figures_and_confidence() {
    let out = legal();
    let r = rule(&out, "cnPrivate4xLpr");
    assert_eq!(
        (
            r["lprMultiple"].clone(),
            r["capPercentAtLatestLpr"].clone(),
            r["confidence"].clone()
        ),
        (json!("4"), json!("12.0000"), json!("primary"))
    );
    // The 2015 rules' overdue caps are Arts. 29–30 (Art. 26 is the contract rate).
    let r = rule(&out, "cnPrivate2015");
    assert_eq!(
        (
            r["capPercent"].clone(),
            r["confidence"].clone(),
            r["source"]["article"].clone()
        ),
        (
            json!("24.0000"),
            json!("primary"),
            json!("第二十九条、第三十条（逾期）；第二十六条（约定利率）")
        )
    );
    assert_eq!(rule(&out, "cnPrivateTransition")["splitDate"], "2020-08-20");
    let r = rule(&out, "cnFinancial24");
    assert_eq!(
        (
            r["capPercent"].clone(),
            r["capPer"].clone(),
            r["confidence"].clone()
        ),
        (json!("24.0000"), json!("year"), json!("secondary"))
    );
    assert_eq!(r["source"]["article"], "第二条第2项");
    let r = rule(&out, "cnIllegalLending36");
    assert_eq!(
        (
            r["capPercent"].clone(),
            r["kind"].clone(),
            r["confidence"].clone()
        ),
        (
            json!("36.0000"),
            json!("criminalReference"),
            json!("secondary")
        )
    );
    assert_eq!(rule(&out, "cnCardNoInterestOnFees")["capAmount"], "0.00");
    let r = rule(&out, "cnCardPersonalInstallment");
    assert_eq!(
        (r["maxMonths"].clone(), r["source"]["article"].clone()),
        (json!(60), json!("第七十条"))
    );
    let r = rule(&out, "cnBankPenaltyMarkup");
    assert_eq!(
        (
            r["markupMinPercent"].clone(),
            r["markupMaxPercent"].clone(),
            r["confidence"].clone()
        ),
        (json!("30.0000"), json!("50.0000"), json!("secondary"))
    );
    assert!(r["en"].as_str().unwrap().contains("unconfirmed"));
    assert_eq!(
        rule(&out, "cnPaymentOrder")["source"]["article"],
        "第五百六十一条"
    );
    let r = rule(&out, "ukHcstcInitialCost");
    assert_eq!(
        (
            r["capPercent"].clone(),
            r["capPer"].clone(),
            r["scope"].clone(),
            r["confidence"].clone()
        ),
        (
            json!("0.8000"),
            json!("day"),
            json!(["ukHcstc"]),
            json!("primary")
        )
    );
    let r = rule(&out, "ukHcstcDefaultFee");
    assert_eq!(
        (r["capAmount"].clone(), r["currency"].clone()),
        (json!("15.00"), json!("GBP"))
    );
    let r = rule(&out, "ukHcstcTotalCost");
    assert_eq!(
        (r["capPercent"].clone(), r["capPer"].clone()),
        (json!("100.0000"), json!("total"))
    );
}

#[test]
fn know_your_rights_facts() {
    let out = legal();
    let facts = out["facts"].as_array().unwrap();
    let get = |id: &str| {
        facts
            .iter()
            .find(|f| f["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no fact {id}"))
    };
    let f = get("collectionQuietHours");
    assert!(f["zh"].as_str().unwrap().contains("22:00至次日8:00"));
    assert_eq!(
        (f["confidence"].clone(), f["source"]["date"].clone()),
        (json!("secondary"), json!("2026-01-30"))
    );
    assert!(get("collectionCallAttempts")["zh"]
        .as_str()
        .unwrap()
        .contains("6次"));
    assert_eq!(get("noUnrelatedThirdParties")["confidence"], "secondary");
    let f = get("maliciousOverdraftThreshold");
    assert_eq!(f["confidence"], "primary");
    assert!(f["en"].as_str().unwrap().contains("50,000"));
    assert!(f["en"].as_str().unwrap().contains("30 days"));
    let f = get("illegalDebtCollectionCrime");
    assert_eq!(
        (f["confidence"].clone(), f["source"]["article"].clone()),
        (json!("primary"), json!("第二百九十三条之一"))
    );
    assert!(get("complaintHotline12378")["zh"]
        .as_str()
        .unwrap()
        .contains("12378"));
    assert_eq!(get("negotiationIsFree")["confidence"], "secondary");
}

#[test]
fn the_pack_holds_no_unconfirmed_items() {
    let raw: Json = serde_json::from_str(RULES_JSON).unwrap();
    for section in ["rules", "facts"] {
        for item in raw[section].as_array().unwrap() {
            assert!(["primary", "secondary", "reported"]
                .contains(&item["confidence"].as_str().unwrap()));
        }
    }
    let mut bad = raw.clone();
    bad["facts"][0]["confidence"] = json!("unconfirmed");
    assert!(rules::load(&bad.to_string()).is_err());
}

#[test]
fn invalid_packs_are_rejected_with_a_reason() {
    let raw: Json = serde_json::from_str(RULES_JSON).unwrap();
    let check = |edit: &dyn Fn(&mut Json), needle: &str| {
        let mut p = raw.clone();
        edit(&mut p);
        let e = rules::load(&p.to_string()).unwrap_err();
        assert!(e.contains(needle), "{e} lacks {needle}");
    };
    check(
        &|p| p["rules"][1]["id"] = json!("cnPrivate4xLpr"),
        "repeats",
    );
    check(&|p| p["lpr"][3]["from"] = json!("2020-02-30"), "not a date");
    check(
        &|p| p["lpr"][3]["oneYearPercent"] = json!("four"),
        "not a number",
    );
    check(
        &|p| p["rules"][0]["jurisdiction"] = json!("us"),
        "jurisdiction",
    );
    check(&|p| p["rules"][1]["capPer"] = json!("week"), "capPer");
    check(&|p| p["rules"][1]["capPer"] = Json::Null, "go together");
    check(
        &|p| p["rules"][4]["source"]["document"] = json!(""),
        "source",
    );
    check(&|p| p["lpr"] = json!([]), "empty");
    check(&|p| p["rules"][0]["typo"] = json!(1), "unknownField");
    check(
        &|p| {
            p["rules"]
                .as_array_mut()
                .unwrap()
                .retain(|r| r["id"] != "ukHcstcTotalCost");
        },
        "ukHcstcTotalCost",
    );
}

#[test]
fn a_new_lpr_row_is_data_only() {
    // A hypothetical fixing added to the JSON flows into the private cap.
    let mut raw: Json = serde_json::from_str(RULES_JSON).unwrap();
    raw["lpr"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "from": "2026-06-22", "oneYearPercent": "2.90", "fiveYearPercent": "3.40" }));
    raw["lprConfirmedThrough"] = json!("2026-06-22");
    let pack: &'static rules::RulePack =
        Box::leak(Box::new(rules::load(&raw.to_string()).unwrap()));
    let ctx = |contract: &str| CapContext {
        jurisdiction: Jurisdiction::Cn,
        lender: Lender::Private,
        contract_date: Some(d(contract)),
        period: None,
        days: 360,
        filing_date: None,
        base: dec("10000"),
        borrowed: dec("10000"),
        day_basis: DayBasis::D360,
        charges: ChargeParts {
            interest: dec("1200"),
            interest_on_fees: Decimal::ZERO,
            late_fees: Decimal::ZERO,
            total: dec("1200"),
        },
    };
    // 4 × 2.90 = 11.6 % → 1160.00 on 10,000 for a year; charges 1200 → excess 40.00.
    let caps = evaluate_caps(pack, &ctx("2026-06-22")).unwrap();
    assert_eq!(
        (caps[0].cap_percent, caps[0].cap_amount, caps[0].excess),
        (Some(dec("11.6")), dec("1160"), dec("40"))
    );
    let caps = evaluate_caps(pack, &ctx("2026-06-21")).unwrap();
    assert_eq!(
        (caps[0].cap_percent, caps[0].excess),
        (Some(dec("12")), Decimal::ZERO)
    );
}

#[test]
fn stale_lpr_dates_are_flagged() {
    let pack = rules::pack().unwrap();
    let ctx = CapContext {
        jurisdiction: Jurisdiction::Cn,
        lender: Lender::Private,
        contract_date: Some(d("2026-06-01")),
        period: None,
        days: 30,
        filing_date: None,
        base: dec("1000"),
        borrowed: dec("1000"),
        day_basis: DayBasis::D360,
        charges: ChargeParts {
            interest: Decimal::ZERO,
            interest_on_fees: Decimal::ZERO,
            late_fees: Decimal::ZERO,
            total: Decimal::ZERO,
        },
    };
    let caps = evaluate_caps(pack, &ctx).unwrap();
    assert!(caps[0]
        .notes
        .iter()
        .any(|n| n.code == "lprUnconfirmedAfter"));
    let ids: Vec<&str> = caps.iter().map(|c| c.rule.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cnPrivate4xLpr",
            "cnFinancial24",
            "cnIllegalLending36",
            "cnCardNoInterestOnFees",
            "ukHcstcInitialCost",
            "ukHcstcDefaultFee",
            "ukHcstcTotalCost"
        ]
    );
}

// ---- collection rules, complaint routes and corrected texts -----------------

fn by<'a>(out: &'a Json, list: &str, key: &str, id: &str) -> &'a Json {
    out[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[key] == id)
        .unwrap_or_else(|| panic!("no {list} entry {id}"))
}

fn zh(out: &Json, list: &str, key: &str, id: &str) -> String {
    by(out, list, key, id)["zh"].as_str().unwrap().to_owned()
}

/// Characters that exist only in Simplified writing (their Traditional forms
/// differ): none may appear in a zhTW text.
const SIMPLIFIED_ONLY: &str =
    "这说债务规应还对发贷银协会务认过于时间话经门为与无关们报术费违约计让该际据处罚则条见复并";

#[test]
fn every_text_has_a_traditional_version() {
    let out = legal();
    let mut n = 0;
    for list in ["rules", "facts", "conductRules", "complaintRoutes"] {
        for r in out[list].as_array().unwrap() {
            let tw = r["zhTW"]
                .as_str()
                .unwrap_or_else(|| panic!("{list} {r} lacks zhTW"));
            let zh = r["zh"].as_str().unwrap();
            assert_ne!(tw, zh, "{list}: zhTW is the Simplified text");
            // Taiwan vocabulary (the official names of mainland bodies and
            // documents keep theirs, so 信息 may stay inside those).
            let outside_names = tw
                .replace("個人信息保護法", "")
                .replace("12321網絡不良與垃圾信息舉報受理中心", "");
            for word in ["信息", "短信", "聯繫", "軟件", "渠道", "“", "”", "網絡"] {
                assert!(
                    !outside_names.contains(word),
                    "{list}: zhTW has {word}: {tw}"
                );
            }
            if let Some(c) = tw.chars().find(|c| SIMPLIFIED_ONLY.contains(*c)) {
                panic!("{list}: zhTW has the Simplified {c}: {tw}");
            }
            // 发卡 (card issuing) is 發卡 in Traditional; 髮 means hair.
            assert!(!tw.contains('髮'), "{list}: zhTW has 髮 for 發: {tw}");
            n += 1;
        }
    }
    assert_eq!(n, 19 + 34 + 14 + 8);
}

#[test]
fn corrected_statements() {
    let out = legal();
    // 12378: the institution decides within 15 days (30, 60 at most); no "working days".
    let t = zh(&out, "facts", "id", "complaintHotline12378");
    assert!(
        t.contains("15日内") && t.contains("30日") && t.contains("60日"),
        "{t}"
    );
    let en = by(&out, "facts", "id", "complaintHotline12378")["en"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!t.contains("工作日") && !en.contains("working"), "{en}");
    // Malicious overdraft: before the public prosecution / the first-instance judgment, with the exception.
    let t = zh(&out, "facts", "id", "maliciousOverdraftThreshold");
    for part in [
        "提起公诉前全部归还的，可以不起诉",
        "一审判决前全部归还的，可以免予刑事处罚",
        "不适用",
    ] {
        assert!(t.contains(part), "{part}: {t}");
    }
    // The call limit counts unanswered calls.
    assert!(zh(&out, "facts", "id", "collectionCallAttempts").contains("未接通"));
    // Five years from the end of the bad behaviour.
    assert!(zh(&out, "facts", "id", "creditRecordFiveYears").contains("终止之日起保存5年"));
    // The exception: punished twice or more for credit-card fraud (2018 决定 item 五).
    let t = zh(&out, "facts", "id", "maliciousOverdraftThreshold");
    assert!(
        t.contains("曾因信用卡诈骗受过两次以上处罚的") && !t.contains("行政处罚"),
        "{t}"
    );
    // Crimes "generally", never "only"; no 12363 as the credit-report line.
    let t = zh(&out, "facts", "id", "overdueIsCivil");
    assert!(t.contains("一般来说") && !t.contains("只有"), "{t}");
    let t = zh(&out, "facts", "id", "creditReportRights");
    assert!(
        t.contains("400-810-8866") && t.contains("第二十六条") && !t.contains("12363"),
        "{t}"
    );
    // The 24 % line is a reduction on request.
    assert!(zh(&out, "rules", "id", "cnFinancial24").contains("可以请求调减的部分"));
    // 2020 Art. 31 applies the old rule when a party asks.
    assert!(zh(&out, "rules", "id", "cnPrivateTransition").contains("当事人请求"));
    // 合同编通则解释 in force from 2023-12-05.
    assert_eq!(
        by(&out, "rules", "id", "cnPenaltyReduction")["source"]["effective"],
        "2023-12-05"
    );
    // Fees deducted at payout: 86号 for microloans, "may be" for the others.
    let f = by(&out, "facts", "id", "microLoanNoUpfrontDeduction");
    assert!(f["source"]["document"].as_str().unwrap().contains("86号"));
    assert_eq!(f["scope"], json!(["microLoan"]));
    assert!(by(&out, "facts", "id", "upfrontFeesMayBeInterest")["en"]
        .as_str()
        .unwrap()
        .contains("may be treated"));
    // The spouse example: only where the debt served the household; safer examples.
    let t = zh(&out, "facts", "id", "relatedThirdPartyMeaning");
    assert!(t.contains("担保人") && t.contains("共同借款人"), "{t}");
    // Words never used, in any language of any entry.
    for list in ["rules", "facts", "conductRules", "complaintRoutes"] {
        for r in out[list].as_array().unwrap() {
            for lang in ["zh", "zhTW", "en"] {
                let t = r[lang].as_str().unwrap();
                for word in [
                    "无牌照",
                    "無牌照",
                    "法律支持的金额",
                    "法律支持的金額",
                    "仅供参考",
                    "僅供參考",
                    "unlicensed loan shark",
                ] {
                    assert!(!t.contains(word), "{list} {lang}: {word}: {t}");
                }
            }
        }
    }
    // Art. 561: the costs of enforcing the claim, not service fees or 违约金.
    let t = zh(&out, "rules", "id", "cnPaymentOrderFees");
    assert!(t.contains("诉讼费") && t.contains("不是贷款机构的服务费、违约金或滞纳金"));
}

#[test]
fn the_cba_guideline_binds_banks_and_consumer_finance_not_microloans() {
    let out = legal();
    let cba = "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》";
    let members = json!(["bank", "creditCard", "consumerFinance"]);
    for r in out["conductRules"].as_array().unwrap() {
        let sources = r["sources"].as_array().unwrap();
        // The guideline is among every rule's sources, last, binding its members only.
        let last = sources.last().unwrap();
        assert_eq!(
            (&last["document"], &last["binds"], &last["kind"]),
            (&json!(cba), &members, &json!("selfRegulation")),
            "{}",
            r["code"]
        );
        // Binding law first: the lead source (the rule's `source`) is the first.
        assert_eq!(r["source"]["document"], sources[0]["document"]);
        assert!(["low", "medium", "high"].contains(&r["severity"].as_str().unwrap()));
        // The guideline's own numbers say whom they bind.
        if sources.len() == 1 {
            assert_eq!(r["scope"], members, "{}", r["code"]);
            assert!(
                r["zh"].as_str().unwrap().contains("只约束协会会员"),
                "{}",
                r["code"]
            );
        }
    }
    assert_eq!(out["conductRules"].as_array().unwrap().len(), 14);
    let late = by(&out, "conductRules", "code", "lateHours");
    assert_eq!(
        (late["fromTime"].clone(), late["toTime"].clone()),
        (json!("22:00"), json!("08:00"))
    );
    assert_eq!(late["sources"].as_array().unwrap().len(), 1);
    assert_eq!(
        by(&out, "conductRules", "code", "unansweredCalls")["maxPerDay"],
        6
    );
    // Threats, insults, impersonation, disclosure, exposure and intrusion are
    // unlawful for every lender by general law (statutes, [P]/[S]).
    let every = json!([
        "bank",
        "creditCard",
        "consumerFinance",
        "microLoan",
        "private",
        "unlicensed",
        "other",
        "unknown"
    ]);
    for code in [
        "threat",
        "insult",
        "impersonation",
        "thirdPartyDisclosure",
        "publicExposure",
        "visitWithoutConsent",
    ] {
        let r = by(&out, "conductRules", "code", code);
        assert_eq!(r["scope"], every, "{code}");
        assert_eq!(r["sources"][0]["kind"], "law", "{code}");
        assert_eq!(
            r["sources"][0]["binds"].as_array().unwrap()[..],
            every.as_array().unwrap()[..7],
            "{code}"
        );
        // 293-1 covers illegal debts only: never a source on its own.
        for s in r["sources"].as_array().unwrap() {
            assert_ne!(s["article"], "第二百九十三条之一", "{code}");
        }
    }
    // Every fact says whom it concerns; Art. 1033 binds every lender.
    for f in out["facts"].as_array().unwrap() {
        assert!(!f["scope"].as_array().unwrap().is_empty(), "{}", f["id"]);
    }
    assert_eq!(by(&out, "facts", "id", "privacyCivilCode")["scope"], every);
}

#[test]
fn complaint_routes_by_lender_type() {
    let out = legal();
    let routes = |lender: &str| -> Vec<String> {
        out["complaintRoutes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["scope"].as_array().unwrap().iter().any(|s| s == lender))
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        routes("bank"),
        [
            "lenderComplaint",
            "nfra12378",
            "harassment12321",
            "police110",
            "creditReportObjection",
            "pbocConsumer12363"
        ]
    );
    assert_eq!(
        routes("microLoan"),
        [
            "localFinancialRegulator",
            "nifaComplaint",
            "harassment12321",
            "police110",
            "creditReportObjection",
            "pbocConsumer12363"
        ]
    );
    assert_eq!(routes("private"), ["harassment12321", "police110"]);
    // Unlicensed: 110 and the local financial regulator.
    assert_eq!(
        routes("unlicensed"),
        ["localFinancialRegulator", "harassment12321", "police110"]
    );
    // Unknown: the routes that serve every lender name it; the page shows the
    // others with the lender types each serves.
    assert_eq!(routes("unknown"), ["harassment12321", "police110"]);
    let p = rules::pack().unwrap();
    assert!(p.complaint_routes.iter().all(|r| r.serves(Lender::Unknown)));
    assert_eq!(
        p.complaint_routes
            .iter()
            .filter(|r| r.serves(Lender::Unlicensed))
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["localFinancialRegulator", "harassment12321", "police110"]
    );
    assert_eq!(
        by(&out, "complaintRoutes", "id", "nfra12378")["contact"],
        "12378"
    );
    // Credit-report objections: 400-810-8866, Arts. 25 and 26; 12363 never as that line.
    let r = by(&out, "complaintRoutes", "id", "creditReportObjection");
    assert_eq!(r["contact"], "400-810-8866");
    assert_eq!(r["source"]["article"], "第二十五条、第二十六条");
    let t = r["zh"].as_str().unwrap();
    assert!(
        t.contains("20日") && t.contains("起诉") && !t.contains("12363"),
        "{t}"
    );
    let r = by(&out, "complaintRoutes", "id", "pbocConsumer12363");
    assert!(r["zh"]
        .as_str()
        .unwrap()
        .starts_with("人民银行金融消费权益保护咨询投诉电话（如当地仍开通）"));
    assert_ne!(r["confidence"], "primary");
    assert_ne!(r["kind"], "creditReport");
}

#[test]
fn broken_conduct_rules_are_rejected() {
    let good: Json = serde_json::from_str(RULES_JSON).unwrap();
    let mut bad = good.clone();
    bad["conductRules"][0]["fromTime"] = "24:00".into();
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("fromTime"));
    let mut bad = good.clone();
    bad["conductRules"][1]
        .as_object_mut()
        .unwrap()
        .remove("maxPerDay");
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("unansweredCalls"));
    let mut bad = good.clone();
    bad["conductRules"][2]["related"] = json!(["noSuchFact"]);
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("related"));
    let mut bad = good.clone();
    bad["conductRules"][3]["code"] = "shouting".into();
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("unknown code"));
    let mut bad = good.clone();
    bad["complaintRoutes"][0]["scope"] = json!(["bnak"]);
    assert!(rules::load(&bad.to_string()).unwrap_err().contains("scope"));
    // Every conduct rule cites at least one source, each binding known lender types.
    let mut bad = good.clone();
    bad["conductRules"][4]["sources"] = json!([]);
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("at least one source"));
    let mut bad = good.clone();
    bad["conductRules"][4]["sources"][0]["binds"] = json!(["bnak"]);
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("binds[0]"));
    let mut bad = good.clone();
    bad["conductRules"][4]["sources"][0]["kind"] = "guidance".into();
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("unknown kind guidance"));
    let mut bad = good.clone();
    bad["conductRules"][4]["sources"][0]["article"] = json!(null);
    bad["conductRules"][4]["sources"][0]["articleConfidence"] = "reported".into();
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("articleConfidence without an article"));
    let mut bad = good.clone();
    bad["conductRules"][4]["sources"][0]["confidence"] = "unconfirmed".into();
    assert!(rules::load(&bad.to_string())
        .unwrap_err()
        .contains("confidence"));
    let mut bad = good;
    bad["facts"][0].as_object_mut().unwrap().remove("zhTW");
    assert!(rules::load(&bad.to_string()).unwrap_err().contains("zhTW"));
}

/// `overdueCost` for an unknown and an unlicensed lender, by hand: 10,000
/// overdue for 30 days at 36 % a year is 300.00 of penalty interest.
/// - unknown: the 24 % line holds whoever lends: 10,000 × 24 % × 30 / 360 =
///   200.00, 100.00 above it; the private-lending line is shown, not applied.
/// - unlicensed: the private-lending line (4 × the 3.00 % LPR of 2026-01-05 =
///   12 %): 10,000 × 12 % × 30 / 360 = 100.00, 200.00 above it; the 24 %
///   line (licensed lenders) does not apply.
#[test]
fn caps_for_an_unknown_and_an_unlicensed_lender() {
    let run = |lender: &str| -> Json {
        let input = json!({
            "overdue": { "principal": "10000" },
            "days": 30,
            "penalty": { "rate": { "percent": "36", "per": "year" } },
            "lender": lender,
            "contractDate": "2026-01-05",
        });
        let v: repay::input::Value = serde_json::from_value(input).unwrap();
        serde_json::to_value(repay::api::overdue_cost(&v).unwrap()).unwrap()
    };
    let cap = |out: &Json, rule: &str| -> (Json, Json, Json) {
        let c = out["caps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["rule"] == rule)
            .unwrap_or_else(|| panic!("no cap {rule}"))
            .clone();
        (
            c["applies"].clone(),
            c["capAmount"].clone(),
            c["excess"].clone(),
        )
    };
    let unknown = run("unknown");
    assert_eq!(unknown["penaltyInterest"], "300.00");
    assert_eq!(
        cap(&unknown, "cnFinancial24"),
        (json!(true), json!("200.00"), json!("100.00"))
    );
    assert_eq!(cap(&unknown, "cnPrivate4xLpr").0, json!(false));
    let unlicensed = run("unlicensed");
    assert_eq!(
        cap(&unlicensed, "cnPrivate4xLpr"),
        (json!(true), json!("100.00"), json!("200.00"))
    );
    assert_eq!(cap(&unlicensed, "cnFinancial24").0, json!(false));
}
