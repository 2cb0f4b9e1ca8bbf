// Builds the `loanTerms` result from the two parts the wasm module returns
// (src/api/json.rs, `loan_terms_parts`): the JSON text of everything but the
// schedule rows, and the rows' fields in one string. That string starts with
// one character per field giving the field's length ('0' + length), followed
// by the fields back to back; each row has seven fields (period, dueDate,
// payment, principal, interest, fees, balance; dueDate empty when the loan
// has no start date). Cutting fields out by length and creating the row
// objects here costs about a fifth of what JSON.parse takes for the same
// rows, the largest cost of a call. The result is the object JSON.parse of
// the whole output would give: same keys in the same order, same strings
// (money stays text; `period` is a whole number).
// wasm-bindgen copies this file into pkg/snippets/ and imports it from
// pkg/repay.js; it uses nothing but the language itself.

const FIELDS = 7;

export function withSchedule(rest, packed, rowCount) {
  const out = JSON.parse(rest);
  const count = rowCount * FIELDS;
  let at = count; // the first field starts after the lengths
  const next = (j) => {
    const end = at + packed.charCodeAt(j) - 48;
    const text = packed.slice(at, end);
    at = end;
    return text;
  };
  const rows = new Array(rowCount);
  for (let i = 0, j = 0; i < rowCount; i++, j += FIELDS) {
    // A period is 1 to 600, written as plain digits.
    const period = parseInt(next(j), 10);
    const dueDate = next(j + 1);
    const payment = next(j + 2);
    const principal = next(j + 3);
    const interest = next(j + 4);
    const fees = next(j + 5);
    const balance = next(j + 6);
    rows[i] = dueDate === "" ? { period, payment, principal, interest, fees, balance } : { period, dueDate, payment, principal, interest, fees, balance };
  }
  // Every byte used, exactly: anything else means the two sides disagree on
  // the format (the binding turns this into an error with a code).
  if (at !== packed.length) throw new Error("withSchedule: the packed rows do not match their count");
  out.schedule = rows;
  return out;
}
