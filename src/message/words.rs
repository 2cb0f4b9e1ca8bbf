//! The words the message reader looks for, as data: one table per kind of
//! finding; in the tables of meanings, one row per meaning with its phrases
//! separated by `|` (matched case-insensitively; full-width letters and
//! digits are read as their ASCII forms first). Simplified and Traditional
//! forms are listed side by side; English phrases match only as whole words. To teach the reader a new phrase, add
//! it here: no code changes. At one position the longest phrase wins.

use super::{Conduct, Label, Warn};

/// Words that say what an amount is; the nearest one before the amount in
/// the same clause names it (a settlement word anywhere in that clause wins).
pub const LABELS: &[(Label, &str)] = &[
    (
        Label::Owed,
        concat!(
            "欠款|欠款金额|欠款金額|所欠|拖欠|欠费|欠費|应还|應還|待还|待還|未还|未還|",
            "逾期金额|逾期金額|逾期款|还款金额|账单金额|帳單金額|還款金額|amount due|",
            "total due|overdue amount|outstanding|owed|",
            "owe|owing|balance",
        ),
    ),
    (Label::Principal, "本金|principal"),
    (Label::Interest, "利息|interest"),
    (
        Label::Penalty,
        "罚息|罰息|逾期费|逾期費|penalty|penalty interest|overdue fee",
    ),
    (
        Label::LateFee,
        "违约金|違約金|滞纳金|滯納金|late fee|late charge|late payment fee",
    ),
    (
        Label::Fee,
        concat!(
            "服务费|服務費|手续费|手續費|管理费|管理費|会员费|會員費|service fee|",
            "handling fee|management fee|membership fee|",
            "fee|fees",
        ),
    ),
    (
        Label::CollectionFee,
        "催收费|催收費|collection fee|上门费|上門費|外访费|外訪費",
    ),
    (
        Label::Settlement,
        concat!(
            "结清|結清|减免后|減免後|一次性|settle|settlement|pay off in full|",
            "one-time|one-off",
        ),
    ),
];

/// Words that say what a message does, as the collection log's conduct codes.
pub const CONDUCT: &[(Conduct, &str)] = &[
    // Claims of legal or police action, stated as fact or as imminent.
    (
        Conduct::FalseConsequence,
        concat!(
            "立案|已立案|起诉|起訴|诉讼|訴訟|传票|傳票|法院传票|法院傳票|坐牢|拘留|逮捕|",
            "判刑|刑事|黑名单|黑名單|全网曝光|全網曝光|强制执行|強制執行|失信被执行人|失信被執行人|",
            "限制高消费|限制高消費|报警|報警|公安介入|移交公安|移送公安|司法程序|冻结|涉嫌诈骗|",
            "涉嫌詐騙|凍結|lawsuit|sue|sued|arrest|arrested|jail|",
            "prison|criminal|blacklist|blacklisted|court summons|",
            "legal action",
        ),
    ),
    // Telling family, contacts, the employer; visits; menace.
    (
        Conduct::Threat,
        concat!(
            "家人|家属|家屬|父母|亲属|親屬|亲友|親友|紧急联系人|緊急聯絡人|联系人|聯絡人|",
            "通讯录|通訊錄|单位|單位|工作单位|工作單位|领导|領導|同事|老板|老闆|上门|",
            "上門|家访|家訪|登门|登門|走访|到你家|走訪|后果自负|後果自負|走着瞧|走著瞧|",
            "你等着|你等著|别怪我们|別怪我們|不客气|不客氣|family|relatives|",
            "employer|colleagues|your boss|your contacts|",
            "your workplace|visit you|your home|consequences",
        ),
    ),
    // Insults.
    (
        Conduct::Insult,
        concat!(
            "老赖|老賴|骗子|騙子|无赖|無賴|不要脸|不要臉|人渣|废物|廢物|垃圾|畜生|王八蛋|",
            "混蛋|狗东西|狗東西|死全家|去死|deadbeat|scum|loser|idiot|",
            "liar|thief",
        ),
    ),
    // Speaking as a court, police, procuratorate, government body or lawyer.
    (
        Conduct::Impersonation,
        concat!(
            "本院|人民法院|法院通知|公安局|派出所|检察院|檢察院|警官|民警|经侦|經偵|律师事务所|",
            "律師事務所|律师函|律師函|承办律师|承辦律師|本律师|本律師|仲裁委|金融办|金融辦|",
            "court notice|police department|law firm|attorney|",
            "lawyer",
        ),
    ),
    // A collection fee asked of the debtor.
    (
        Conduct::FeeDemand,
        concat!(
            "催收费|催收費|催收服务费|催收服務費|上门费|上門費|外访费|外訪費|差旅费|差旅費|",
            "律师费|律師費|collection fee|collection fees|visit fee",
        ),
    ),
    // Borrow elsewhere to pay.
    (
        Conduct::NewLoanPush,
        concat!(
            "以贷养贷|以貸養貸|借新还旧|借新還舊|找人借|找朋友借|找亲戚借|找親戚借|去借|",
            "想办法借|想辦法借|其他平台借|别的平台借|別的平台借|借呗|借唄|花呗|花唄|信用卡套现|",
            "信用卡套現|再借一笔|再借一筆|borrow from|another loan|new loan|",
            "take out a loan",
        ),
    ),
    // Posting the debt publicly.
    (
        Conduct::PublicExposure,
        concat!(
            "爆通讯录|爆你通讯录|爆你的通讯录|爆你通訊錄|爆你的通訊錄|爆通訊錄|通讯录轰炸|",
            "通訊錄轟炸|曝光|朋友圈|群发|群發|张贴|張貼|悬赏|懸賞|挂网|掛網|公开你|公開你|",
            "social media|expose you|publicly",
        ),
    ),
];

/// Requests to pay a person: a personal account, a transfer by chat app, a
/// QR code.
pub const WARNINGS: &[(Warn, &str)] = &[(
    Warn::PersonalAccount,
    concat!(
        "个人账户|个人账号|個人帳戶|個人帳號|个人银行卡|個人銀行卡|私人账户|私人帳戶|",
        "对私账户|對私帳戶|个人卡|個人卡|我的账户|我的帳戶|微信转账|微信轉帳|支付宝转账|",
        "支付寶轉帳|转到我|轉到我|转给我|轉給我|加我微信|加微信|微信号|微信號|支付宝账号|",
        "支付寶帳號|扫码|掃碼|扫一扫|掃一掃|二维码|二維碼|收款码|收款碼|personal account|",
        "my account|qr code|scan the code|wechat transfer|",
        "alipay transfer",
    ),
)];

/// Words near a link that make it a link to pay (in the same sentence, or
/// in the link itself).
pub const PAY_WORDS: &[&str] = &[
    "还款", "還款", "支付", "付款", "缴费", "繳費", "缴纳", "繳納", "充值", "转账", "轉帳", "结清",
    "結清", "点击", "點擊", "pay", "repay", "payment",
];

/// Days named relative to the day a message arrived (and whether the word
/// means the evening).
pub const DAY_WORDS: &[(&str, i64, bool)] = &[
    ("今日", 0, false),
    ("今天", 0, false),
    ("今晚", 0, true),
    ("明天", 1, false),
    ("明日", 1, false),
    ("明晚", 1, true),
    ("后天", 2, false),
    ("後天", 2, false),
    ("today", 0, false),
    ("tonight", 0, true),
    ("tomorrow", 1, false),
];

/// Words before a date or time that make it a deadline.
pub const DEADLINE_BEFORE: &[&str] = &[
    "请于",
    "請於",
    "请在",
    "請在",
    "请您于",
    "請您於",
    "务必",
    "務必",
    "必须",
    "必須",
    "须于",
    "須於",
    "需于",
    "需於",
    "须在",
    "須在",
    "需在",
    "最迟",
    "最遲",
    "最晚",
    "截止",
    "截至",
    "限",
    "还款日",
    "還款日",
    "到期日",
    "by",
    "pay",
    "repay",
    "before",
    "until",
    "no later than",
    "deadline",
    "due",
];

/// Words right after a date or time that make it a deadline; they are part
/// of the finding's span.
pub const DEADLINE_AFTER: &[&str] = &["之前", "以前", "为止", "為止", "前", "内", "內", "截止"];

/// Words a little after a date or time that make it a deadline (not part of
/// its span).
pub const DEADLINE_SOON_AFTER: &[&str] = &[
    "必须", "必須", "务必", "務必", "须", "須", "还清", "還清", "结清", "結清",
];

/// Words before a time of day that put it in the afternoon or evening.
pub const PM_WORDS: &[&str] = &["下午", "晚上", "傍晚", "pm", "p.m."];

/// Words before a time of day that keep it in the morning or at noon.
pub const AM_WORDS: &[&str] = &["上午", "早上", "中午", "凌晨", "am", "a.m."];

/// Signs and words before an amount that make it money.
pub const CURRENCY_BEFORE: &[&str] = &["¥", "rmb", "cny", "人民币", "人民幣"];

/// Words after an amount (and its 万/千) that make it money.
pub const CURRENCY_AFTER: &[&str] = &["元", "块", "塊", "圆", "圓", "yuan", "rmb", "cny"];

/// Multipliers written after a number, as powers of ten.
pub const MULTIPLIERS: &[(char, u32)] = &[('万', 4), ('萬', 4), ('千', 3), ('亿', 8), ('億', 8)];

/// Counters after "3千" or "1万" that make it a count of things, not money.
pub const NOT_MONEY_AFTER: &[char] = &[
    '人', '次', '个', '個', '条', '條', '户', '戶', '家', '名', '位', '张', '張', '字', '多', '余',
    '餘',
];

/// Characters allowed between a label and a bare number ("应还金额：3000").
pub const LABEL_GAP: &[char] = &[
    ' ', ':', '为', '為', '是', '共', '计', '計', '达', '達', '约', '約', '仅', '僅', '需', '只',
    '金', '额', '額', 'o', 'f', 'i', 's',
];

/// What may follow a bare number that rules it out as money (days, dates,
/// times, counts, percents).
pub const NOT_MONEY_UNIT: &[char] = &[
    '天', '日', '期', '月', '年', '号', '號', '%', '个', '個', '次', '小', '时', '時', '分', '点',
    '點', ':', '/', '-', '笔', '筆', '条', '條', '位', '人',
];

/// Characters that end a clause: label words do not reach across them.
pub const CLAUSE_BREAKS: &[char] = &[
    '，', '。', '；', '、', '！', '？', ',', ';', '!', '?', '\n', '\r', '.',
];

/// Words after 逾期 ("逾期已30天", "逾期天数：30") that may come before the count.
pub const OVERDUE_FILLERS: &[&str] = &[
    "天数", "天數", "已经", "已經", "已", "达", "達", "了", "共", "超过", "超過", "第", " ", ":",
];

/// Top-level domains a bare link ("t.cn/abc") may end in.
pub const TLDS: &[&str] = &[
    "com", "cn", "net", "org", "cc", "top", "vip", "xyz", "me", "io", "app", "link", "ink", "info",
    "club", "site", "shop", "co", "tv", "wang", "ltd", "live", "online", "fun", "icu", "pro",
    "biz", "hk", "tw",
];
