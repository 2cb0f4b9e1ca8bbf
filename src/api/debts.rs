//! `debtPlan`: reading its input and shaping its output.
//!
//! The arithmetic lives in [`crate::debt`] (several debts, one budget); see its
//! docs for the formulas. Here every field is read with its path, and every
//! figure goes out as a money string (two decimals) or a percent string (four).

use super::{MoneyText, PercentText};
use crate::debt::{self, Debt, Outcome, Strategy, MAX_DEBTS};
use crate::error::{Error, ErrorCode, Result};
use crate::input::{Obj, Value};
use crate::money::{fmt_money, fmt_percent, DayBasis};
use rust_decimal::Decimal;
use serde::Serialize;

/// A debt as returned, with its rate for the legal-line flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DebtOut {
    /// Its name.
    pub name: String,
    /// The starting balance.
    pub balance: MoneyText,
    /// The minimum payment.
    pub min_payment: MoneyText,
    /// Its rate per year, simple (month × 12, day × dayBasis).
    pub annual_percent: PercentText,
    /// The annual rate is above 24 %.
    pub above24: bool,
    /// The annual rate is above 36 %.
    pub above36: bool,
}

/// When a debt is cleared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayoffOut {
    /// The debt's name.
    pub name: String,
    /// Index in the input list.
    pub index: usize,
    /// Month it is cleared, or null if not within 600 months.
    pub month: Option<u32>,
}

/// One month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthOut {
    /// 1-based month.
    pub month: u32,
    /// Each debt's balance at the month's end, in input order.
    pub balances: Vec<MoneyText>,
    /// What each debt was paid, in input order.
    pub payments: Vec<MoneyText>,
    /// Σ payments.
    pub paid: MoneyText,
    /// Σ interest charged.
    pub interest: MoneyText,
}

/// One strategy's result. `debtPlan` returns the chosen strategy's with its
/// `timeline`; the entries of `comparison` have none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StrategyOut {
    /// `avalanche` | `snowball` | `order`.
    pub strategy: &'static str,
    /// The priority order, by name.
    pub order: Vec<String>,
    /// Whether the budget clears every debt within 600 months.
    pub feasible: bool,
    /// Months to clear everything, or null.
    pub months: Option<u32>,
    /// Σ interest, or null when infeasible.
    pub total_interest: Option<MoneyText>,
    /// Σ payments, or null when infeasible.
    pub total_paid: Option<MoneyText>,
    /// Debts in the order they are cleared.
    pub payoff: Vec<PayoffOut>,
    /// One entry per month (600 when the budget never clears; empty below the
    /// minimums); the chosen strategy only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Vec<MonthOut>>,
    /// `belowMinimums` | `neverClears`, when infeasible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// The smallest budget that clears every debt within 600 months, when infeasible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_budget: Option<MoneyText>,
}

/// The output of `debtPlan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DebtPlanOut {
    /// The chosen strategy's result, its timeline included.
    #[serde(flatten)]
    pub result: StrategyOut,
    /// The debts with their annual rates.
    pub debts: Vec<DebtOut>,
    /// Σ minimum payments.
    pub minimums: MoneyText,
    /// With `compare: true`: avalanche, snowball and order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Vec<StrategyOut>>,
}

fn names(debts: &[Debt], idx: &[usize]) -> Vec<String> {
    idx.iter().map(|&i| debts[i].name.clone()).collect()
}

fn payoff_out(debts: &[Debt], o: &Outcome) -> Vec<PayoffOut> {
    o.payoff
        .iter()
        .map(|&(i, month)| PayoffOut {
            name: debts[i].name.clone(),
            index: i,
            month,
        })
        .collect()
}

fn strategy_out(debts: &[Debt], o: &Outcome) -> StrategyOut {
    StrategyOut {
        strategy: o.strategy.as_str(),
        order: names(debts, &o.order),
        feasible: o.infeasible.is_none(),
        months: o.months,
        total_interest: o.total_interest.map(fmt_money),
        total_paid: o.total_paid.map(fmt_money),
        payoff: payoff_out(debts, o),
        timeline: None,
        reason: o.infeasible.map(|r| r.as_str()),
        minimum_budget: o.minimum_budget.map(fmt_money),
    }
}

/// The `debtPlan` input, read.
pub struct DebtRequest {
    /// The debts.
    pub debts: Vec<Debt>,
    /// The monthly budget.
    pub budget: Decimal,
    /// The strategy (default avalanche).
    pub strategy: Strategy,
    /// Also run the other two strategies.
    pub compare: bool,
    /// The day basis for daily rates.
    pub day_basis: DayBasis,
}

/// Reads the `debtPlan` input.
pub fn read_debt_request(input: &Value) -> Result<DebtRequest> {
    let o = Obj::new(input, "")?;
    let day_basis = o.day_basis()?;
    let items = o.list("debts", MAX_DEBTS)?;
    if items.is_empty() {
        return Err(Error::field(
            ErrorCode::MissingField,
            "debts",
            "debts needs at least one debt",
        ));
    }
    let mut debts = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let path = crate::input::item("debts", i);
        let d = Obj::new(v, &path)?;
        let name = match d.opt_str("name", 60)? {
            Some(n) if !n.trim().is_empty() => n.to_owned(),
            Some(_) | None => format!("#{}", i + 1),
        };
        let debt = Debt {
            name,
            balance: d.positive_money("balance")?,
            rate: d.rate("rate", day_basis)?,
            min_payment: d.money("minPayment")?,
        };
        d.finish()?;
        debts.push(debt);
    }
    let budget = o.money("monthlyBudget")?;
    let strategy = o.word(
        "strategy",
        &[
            ("avalanche", Strategy::Avalanche),
            ("snowball", Strategy::Snowball),
            ("order", Strategy::Order),
        ],
        Some(Strategy::Avalanche),
    )?;
    let compare = o.bool_or("compare", false)?;
    o.finish()?;
    Ok(DebtRequest {
        debts,
        budget,
        strategy,
        compare,
        day_basis,
    })
}

/// `debtPlan(input)`: several debts paid from one budget.
pub fn debt_plan(input: &Value) -> Result<DebtPlanOut> {
    let req = read_debt_request(input)?;
    let debts = &req.debts;
    let main = debt::run(debts, req.budget, req.strategy, req.day_basis, true)?;
    let comparison = if req.compare {
        let mut all = Vec::with_capacity(3);
        for s in Strategy::ALL {
            let o = if s == req.strategy {
                strategy_out(debts, &main)
            } else {
                strategy_out(
                    debts,
                    &debt::run(debts, req.budget, s, req.day_basis, false)?,
                )
            };
            all.push(o);
        }
        Some(all)
    } else {
        None
    };
    let mut debts_out = Vec::with_capacity(debts.len());
    for (i, d) in debts.iter().enumerate() {
        let annual = d
            .rate
            .annual_percent(req.day_basis)
            .map_err(|e| e.or_field(&format!("debts[{i}].rate.percent")))?;
        debts_out.push(DebtOut {
            name: d.name.clone(),
            balance: fmt_money(d.balance),
            min_payment: fmt_money(d.min_payment),
            annual_percent: fmt_percent(annual),
            above24: annual > Decimal::from(24),
            above36: annual > Decimal::from(36),
        });
    }
    let timeline = main
        .timeline
        .iter()
        .map(|m| MonthOut {
            month: m.month,
            balances: m.balances.iter().map(|&b| fmt_money(b)).collect(),
            payments: m.payments.iter().map(|&b| fmt_money(b)).collect(),
            paid: fmt_money(m.paid),
            interest: fmt_money(m.interest),
        })
        .collect();
    Ok(DebtPlanOut {
        result: StrategyOut {
            timeline: Some(timeline),
            ..strategy_out(debts, &main)
        },
        debts: debts_out,
        minimums: fmt_money(crate::money::sum(debts.iter().map(|d| d.min_payment))?),
        comparison,
    })
}
