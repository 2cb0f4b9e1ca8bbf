//! The one error type of the crate.
//!
//! Every failure that can reach a user is a variant of [`ErrorCode`] carried in
//! an [`Error`] together with the path of the input field it concerns. The
//! wasm binding turns an `Error` into a JS `Error` object with `code`
//! (the camelCase name below, stable), `field` (such as `fees[1].amount`, or
//! `null`) and `message` (English; the page shows its own translation chosen
//! by `code`).

use std::fmt;

/// What went wrong. The camelCase names returned by [`ErrorCode::as_str`] are
/// a public contract (see `docs/api.md`): add new codes, never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// A required field is absent, `null` or `undefined`.
    MissingField,
    /// A field holds the wrong kind of value (a list where an object belongs, say).
    WrongType,
    /// A field the function does not know (usually a typo); nothing is ignored silently.
    UnknownField,
    /// A text that should be a number is not one (`"12,5"`, `"1e5"`, `""`).
    InvalidNumber,
    /// A number with more decimal places than the ten accepted on input.
    TooManyDecimals,
    /// An amount of money that must not be negative is negative.
    NegativeAmount,
    /// A number outside the range the function supports (see `limits`).
    OutOfRange,
    /// A value that is not one of the allowed words (`method: "annuitty"`).
    UnknownValue,
    /// A date that is not a real `YYYY-MM-DD` calendar date.
    InvalidDate,
    /// Two fields that cannot hold together (`to` before `from`, both `amount` and `percentOfPrincipal`).
    Conflict,
    /// A list longer than the function accepts.
    TooManyItems,
    /// The cash flows never change sign, or no rate makes their value zero.
    NoSolution,
    /// An intermediate figure left the range exact decimals can hold.
    Overflow,
    /// A number above the largest the field accepts: an amount above 10^12, a
    /// rate above 1,000,000 % a year, a numeral with more than 16 digits
    /// before the point (or a JS number of 10^15 or more).
    TooLarge,
    /// An amount above 0 but below one cent, where at least one cent is needed.
    BelowMinimum,
    /// A number that must be more than 0 (an amount, a count of days or
    /// periods) is 0, or a count is negative.
    NotPositive,
    /// A count (periods, days, months) has a fractional part.
    NotWhole,
}

impl ErrorCode {
    /// The stable camelCase name used across the JS boundary.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MissingField => "missingField",
            ErrorCode::WrongType => "wrongType",
            ErrorCode::UnknownField => "unknownField",
            ErrorCode::InvalidNumber => "invalidNumber",
            ErrorCode::TooManyDecimals => "tooManyDecimals",
            ErrorCode::NegativeAmount => "negativeAmount",
            ErrorCode::OutOfRange => "outOfRange",
            ErrorCode::UnknownValue => "unknownValue",
            ErrorCode::InvalidDate => "invalidDate",
            ErrorCode::Conflict => "conflict",
            ErrorCode::TooManyItems => "tooManyItems",
            ErrorCode::NoSolution => "noSolution",
            ErrorCode::Overflow => "overflow",
            ErrorCode::TooLarge => "tooLarge",
            ErrorCode::BelowMinimum => "belowMinimum",
            ErrorCode::NotPositive => "notPositive",
            ErrorCode::NotWhole => "notWhole",
        }
    }

    /// Every code, for documentation and exhaustive tests.
    pub const ALL: [ErrorCode; 17] = [
        ErrorCode::MissingField,
        ErrorCode::WrongType,
        ErrorCode::UnknownField,
        ErrorCode::InvalidNumber,
        ErrorCode::TooManyDecimals,
        ErrorCode::NegativeAmount,
        ErrorCode::OutOfRange,
        ErrorCode::UnknownValue,
        ErrorCode::InvalidDate,
        ErrorCode::Conflict,
        ErrorCode::TooManyItems,
        ErrorCode::NoSolution,
        ErrorCode::Overflow,
        ErrorCode::TooLarge,
        ErrorCode::BelowMinimum,
        ErrorCode::NotPositive,
        ErrorCode::NotWhole,
    ];
}

/// An error with the input field it concerns and a message naming the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub code: ErrorCode,
    /// The input path, such as `fees[1].amount`; `None` when no single field is at fault.
    pub field: Option<String>,
    /// An English sentence without a trailing dot, naming the input at fault.
    pub message: String,
}

impl Error {
    /// An error about one input field.
    pub fn field(code: ErrorCode, field: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            code,
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// An error that no single field explains.
    pub fn general(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            field: None,
            message: message.into(),
        }
    }

    /// An arithmetic overflow, attributed to `field` when known.
    pub fn overflow(field: Option<&str>) -> Self {
        Error {
            code: ErrorCode::Overflow,
            field: field.map(str::to_owned),
            message: "a figure grew beyond the range this calculator can hold exactly".into(),
        }
    }

    /// The same error attributed to `field` when it has no field yet.
    pub fn or_field(mut self, field: &str) -> Self {
        if self.field.is_none() {
            self.field = Some(field.to_owned());
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{} ({}): {}", self.code.as_str(), field, self.message),
            None => write!(f, "{}: {}", self.code.as_str(), self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
