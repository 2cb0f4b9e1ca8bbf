// The typed example inputs of every API function, written once. Two checks use
// them: `tsc -p tests/types` type-checks this file (checkJs, each example
// `@satisfies` its declared input type, so a field the .d.ts lacks fails) and
// tests/types/embedder.ts uses them as an embedder would; tests/js/types.test.mjs
// runs each through the built module, requires every declared input field to
// appear in some example, and checks that a field added to any object of an
// example is refused as `unknownField`. Chosen so that every optional output
// key shows too. Plain JS, so that Node imports it as it is.

/** @typedef {import("./pkg/repay.js").LoanTermsInput} LoanTermsInput */
/** @typedef {import("./pkg/repay.js").LprLoanTermsInput} LprLoanTermsInput */
/** @typedef {import("./pkg/repay.js").CashflowRateInput} CashflowRateInput */
/** @typedef {import("./pkg/repay.js").OverdueCostInput} OverdueCostInput */
/** @typedef {import("./pkg/repay.js").RepaymentPlansInput} RepaymentPlansInput */
/** @typedef {import("./pkg/repay.js").DebtPlanInput} DebtPlanInput */
/** @typedef {import("./pkg/repay.js").CollectionLogInput} CollectionLogInput */
/** @typedef {import("./pkg/repay.js").ReadMessageInput} ReadMessageInput */

// ---- loanTerms --------------------------------------------------------------

export const mortgage = /** @satisfies {LoanTermsInput} */ ({
  principal: "1000000",
  rate: { percent: "4.9", per: "year" },
  periods: 360,
  method: "annuity",
  startDate: "2025-01-31",
  prepayments: [{ period: 12, amount: 50_000, then: "lowerPayment" }],
});

export const cashLoan = /** @satisfies {LoanTermsInput} */ ({
  principal: 10_000,
  received: "9000",
  rate: { percent: "0.05", per: "day" },
  dayBasis: 365,
  periods: "12",
  method: "flat",
  fees: [
    { label: "服务费", amount: "30", when: "eachPeriod" },
    { label: "手续费", percentOfPrincipal: 2, when: "upfront" },
    { amount: "10", when: "atEnd" },
  ],
  startDate: null,
});

export const loanTermsExamples = [
  mortgage,
  cashLoan,
  /** @satisfies {LoanTermsInput} */ ({ principal: "5000", rate: { percent: "2", per: "month" }, periods: 6, method: "equalPrincipal" }),
  /** @satisfies {LoanTermsInput} */ ({ principal: "5000", rate: { percent: "12", per: "year" }, periods: 6, method: "interestOnly" }),
  /** @satisfies {LoanTermsInput} */ ({ principal: "5000", rate: { percent: "12", per: "year" }, periods: 6, method: "bullet" }),
  /** @satisfies {LoanTermsInput} */ ({ principal: "5000", rate: { percent: "0", per: "year" }, periods: 3, method: "annuity" }),
  /** @satisfies {LprLoanTermsInput} */ ({
    principal: "1000000",
    periods: 360,
    method: "annuity",
    startDate: "2019-10-15",
    lprLinked: { spreadBasisPoints: 50, repricing: "january" },
    rateChanges: [{ date: "2030-03-01", rate: { percent: "3.2", per: "year" }, keep: "payment" }],
  }),
  // A 2018 mortgage converted to LPR pricing in 2020, repriced on its anniversaries, payment kept.
  /** @satisfies {LoanTermsInput} */ ({
    principal: "600000",
    rate: { percent: "4.9", per: "year" },
    periods: 240,
    method: "annuity",
    startDate: "2018-06-10",
    lprLinked: { spreadBasisPoints: "5", repricing: "anniversary", from: "2020-03-01", tenor: "fiveYear", keep: "payment" },
  }),
  /** @satisfies {LoanTermsInput} */ ({
    principal: "12000",
    rate: { percent: "1", per: "month" },
    periods: 12,
    method: "equalPrincipal",
    rateChanges: [{ period: 4, rate: { percent: "9", per: "year" } }],
  }),
];

// ---- cashflowRate -----------------------------------------------------------

export const xirrFlows = /** @satisfies {CashflowRateInput} */ ({
  flows: [
    { amount: "9000", date: "2025-01-01" },
    { amount: "-5200", date: "2025-07-01" },
    { amount: -5200, date: "2026-01-01" },
  ],
});

export const regZFlows = /** @satisfies {CashflowRateInput} */ ({
  flows: [
    { amount: 1000, period: 0 },
    { amount: -520, period: "1.25" },
    { amount: -520, period: 2.25 },
  ],
  periodsPerYear: 26,
  convention: "usRegZ",
});

export const cashflowRateExamples = [
  xirrFlows,
  /** @satisfies {CashflowRateInput} */ ({ flows: [{ amount: 1000, period: 0 }, { amount: -1100, period: 12 }] }),
  regZFlows,
  /** @satisfies {CashflowRateInput} */ ({ flows: [{ amount: 1000, date: "2024-01-01" }, { amount: -1100, date: "2025-01-01" }], convention: "eu" }),
];

// ---- overdueCost ------------------------------------------------------------

export const late = /** @satisfies {OverdueCostInput} */ ({
  overdue: { principal: "10000", interest: "120", fees: 20 },
  from: "2024-01-10",
  to: "2024-06-01",
  penalty: { contractRate: { percent: "18", per: "year" }, markupPercent: "50" },
  compound: true,
  chargeOnFees: true,
  lateFee: { percentOfOverdue: "1", per: "month" },
  lender: "consumerFinance",
  contractDate: "2019-06-01",
  upfrontDeduction: "500",
  payment: { amount: "800", order: ["interest", "fees", "principal"] },
});

export const ukLate = /** @satisfies {OverdueCostInput} */ ({
  overdue: { principal: 300 },
  days: 45,
  penalty: { rate: { percent: "0.8", per: "day" } },
  lateFee: { amount: 15, per: "once" },
  lender: "other",
  jurisdiction: "uk",
  dayBasis: "365",
});

export const overdueCostExamples = [
  late,
  ukLate,
  /** @satisfies {OverdueCostInput} */ ({
    overdue: { principal: "10000", interest: "100", fees: "20" },
    from: "2019-06-10",
    to: "2024-06-01",
    penalty: { rate: { percent: "24", per: "year" } },
    compound: true,
    lender: "private",
    contractDate: "2019-06-01",
    payment: { amount: "500" },
    lateFee: { amount: "50", per: "month" },
  }),
  /** @satisfies {OverdueCostInput} */ ({
    overdue: { principal: "10000", interest: "120", fees: 20 },
    from: "2024-01-10",
    days: 40,
    penalty: { contractRate: { percent: "18", per: "year" }, markupPercent: "60" },
    chargeOnFees: true,
    lateFee: { percentOfOverdue: "1", per: "once" },
    lender: "bank",
    upfrontDeduction: "500",
    payment: { amount: "20000", order: ["interest", "fees", "principal"] },
  }),
  /** @satisfies {OverdueCostInput} */ ({
    overdue: { principal: "8000", fees: "50" },
    days: 20,
    penalty: { rate: { percent: "0.05", per: "day" } },
    chargeOnFees: true,
    lender: "creditCard",
    dayBasis: 365,
  }),
  /** @satisfies {OverdueCostInput} */ ({
    overdue: { principal: "20000" },
    from: "2023-03-01",
    to: "2023-09-01",
    penalty: { rate: { percent: "36", per: "year" } },
    lender: "private",
    contractDate: "2022-01-15",
    filingDate: "2023-10-01",
  }),
  // The case from the loan (docs/api.md's worked example): the whole-loan view.
  /** @satisfies {OverdueCostInput} */ ({
    loan: {
      principal: "20000",
      received: "18500",
      startDate: "2026-05-23",
      rate: { percent: "18", per: "year" },
      periods: 12,
      method: "annuity",
      fees: [{ label: "会员费", amount: "99", when: "eachPeriod" }],
    },
    paid: 4,
    asOf: "2026-12-07",
    penalty: { rate: { percent: "0.1", per: "day" } },
    compound: true,
    lateFee: { percentOfRemainingPrincipal: "10", per: "once" },
    collectionFee: "300",
    lender: "microLoan",
  }),
  // A private loan declared due early: the line at 4 × LPR, its LPR row and notes.
  /** @satisfies {OverdueCostInput} */ ({
    loan: { principal: "10000", startDate: "2025-06-01", rate: { percent: "36", per: "year" }, periods: 6, method: "equalPrincipal" },
    paid: 1,
    asOf: "2025-09-11",
    accelerated: "2025-08-15",
    penalty: { rate: { percent: "0.05", per: "day" } },
    lender: "private",
  }),
  // A credit card keeps its own rules: the overdue-only view on the settlement.
  /** @satisfies {OverdueCostInput} */ ({
    loan: { principal: "6000", startDate: "2026-01-15", rate: { percent: "15", per: "year" }, periods: 6, method: "annuity" },
    paid: 2,
    asOf: "2026-05-01",
    penalty: { rate: { percent: "0.05", per: "day" } },
    lender: "creditCard",
  }),
  // Every loanTerms example as the loan of a case, on its start date (nothing due yet).
  ...loanTermsExamples.map(
    (loan) =>
      /** @satisfies {OverdueCostInput} */ ({
        loan: { ...loan, startDate: loan.startDate ?? "2024-01-15" },
        paid: 0,
        asOf: loan.startDate ?? "2024-01-15",
        penalty: { rate: { percent: "0.05", per: "day" } },
        lender: "bank",
      }),
  ),
];

// ---- repaymentPlans ---------------------------------------------------------

export const cardPlans = /** @satisfies {RepaymentPlansInput} */ ({
  balance: { principal: "30000", interest: "1200", penalties: "800", fees: "100" },
  rate: { percent: "18", per: "year" },
  monthlyBudget: "1500",
  lumpSum: "12000",
  lumpSumOffer: "15000",
  lender: "creditCard",
  maxMonths: 60,
  months: 36,
  deferralMonths: 6,
  startDate: "2025-03-15",
  dayBasis: 360,
});

export const repaymentPlansExamples = [
  cardPlans,
  /** @satisfies {RepaymentPlansInput} */ ({ balance: { principal: "8000" }, lender: "microLoan", lumpSum: "3000" }),
  /** @satisfies {RepaymentPlansInput} */ ({ balance: { principal: "50000" }, rate: { percent: "24", per: "year" }, monthlyBudget: "500", lender: "bank", dayBasis: 365 }),
  /** @satisfies {RepaymentPlansInput} */ ({ balance: { principal: "50000" }, rate: { percent: "6", per: "year" }, monthlyBudget: "300", maxMonths: 12, lender: "private" }),
  // The overdue case itself, as overdueCost takes it: every overdueCost example once.
  ...overdueCostExamples.map(
    (overdue, i) =>
      /** @satisfies {RepaymentPlansInput} */ ({
        overdue,
        planOn: i % 2 ? "claimed" : "lawful",
        rate: { percent: "0.05", per: "day" },
        monthlyBudget: "1200",
      }),
  ),
];

// ---- debtPlan ---------------------------------------------------------------

export const threeDebts = /** @satisfies {DebtPlanInput} */ ({
  debts: [
    { name: "花呗", balance: "6000", rate: { percent: "1.5", per: "month" }, minPayment: "300" },
    { name: "网贷", balance: 20_000, rate: { percent: "0.1", per: "day" }, minPayment: 900 },
    { balance: "3000", rate: { percent: "24", per: "year" }, minPayment: "100" },
  ],
  monthlyBudget: "2500",
  strategy: "snowball",
  compare: true,
  dayBasis: 365,
});

export const debtPlanExamples = [
  threeDebts,
  /** @satisfies {DebtPlanInput} */ ({
    debts: [{ name: "a", balance: "5000", rate: { percent: "20", per: "year" }, minPayment: "200" }],
    monthlyBudget: "100",
  }),
  /** @satisfies {DebtPlanInput} */ ({
    debts: [{ name: "a", balance: "100000", rate: { percent: "36", per: "year" }, minPayment: "100" }],
    monthlyBudget: "200",
    strategy: "order",
    compare: true,
  }),
];

export const collectionLogExamples = [
  /** @satisfies {CollectionLogInput} */ ({
    lender: "microLoan",
    consentToLateContact: false,
    contacts: [
      { at: "2026-03-01T22:30", channel: "call", answered: false, to: "me", from: "95xxx", note: "n" },
      { at: "2026-03-01T10:00", channel: "sms", to: "unrelatedThirdParty", debtDisclosed: true, conduct: ["threat"] },
      // Contact with a third party: for a microloan company its own rules bind, whose article number is only reported (articleConfidence).
      { at: "2026-03-02T11:00", channel: "sms", to: "unrelatedThirdParty" },
    ],
  }),
  /** @satisfies {CollectionLogInput} */ ({ lender: "bank" }),
];

export const readMessageExamples = [
  /** @satisfies {ReadMessageInput} */ ({
    text: "您已逾期15天，应还¥3,200，请于今日18:00前还款，否则通知家人。客服95188，点击 https://pay.example.cn/x 还款，或扫码转账。",
    receivedAt: "2026-12-07T10:00",
  }),
  /** @satisfies {ReadMessageInput} */ ({ text: "" }),
];

/** Every function that takes an input, with its examples. */
export const EXAMPLES = {
  loanTerms: loanTermsExamples,
  cashflowRate: cashflowRateExamples,
  overdueCost: overdueCostExamples,
  repaymentPlans: repaymentPlansExamples,
  debtPlan: debtPlanExamples,
  collectionLog: collectionLogExamples,
  readMessage: readMessageExamples,
};
