//! Kolada's JSON API answer: `values[]` → `kpi`, `municipality`, `period`, `values[]` with
//! `gender` (T/K/M), `status` and `value` (maybe `null`). Other keys (`count`, `next_page`,
//! `next_url`) are ignored.

use super::{RawRate, kpi, kpi_expected};
use crate::error::InputError;
use crate::load::cells::parse_year;
use crate::load::text::{TextFile, json_error, json_item_lines};

#[derive(serde::Deserialize)]
struct ApiAnswer {
    values: Vec<ApiRow>,
}

#[derive(serde::Deserialize)]
struct ApiRow {
    kpi: String,
    municipality: String,
    period: serde_json::Value,
    #[serde(default)]
    values: Vec<ApiValue>,
}

#[derive(serde::Deserialize)]
struct ApiValue {
    #[serde(default)]
    gender: Option<String>,
    #[serde(default)]
    value: Option<f64>,
}

const JSON_EXPECTED: &str = "Kolada's answer `{\"values\": [{\"kpi\": \"N07403\", \"municipality\": \"2132\", \
     \"period\": 2023, \"values\": [{\"gender\": \"T\", \"value\": 987.6}]}]}`";

pub(super) fn rows(file: &TextFile) -> Result<Vec<RawRate>, InputError> {
    let answer: ApiAnswer =
        serde_json::from_str(&file.text).map_err(|e| json_error(file, &e, JSON_EXPECTED))?;
    let lines = json_item_lines(&file.text, Some("values"));
    let mut out = Vec::new();
    for (i, row) in answer.values.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        let at = |problem: &str, value: &str, expected: &str| {
            InputError::at(&file.path, line, None, problem)
                .value(value)
                .expected(expected)
        };
        let kpi = kpi(&row.kpi)
            .ok_or_else(|| at("unknown Kolada key figure", &row.kpi, &kpi_expected()))?;
        let year = match &row.period {
            serde_json::Value::Number(n) => n.as_i64().map(|y| y.to_string()),
            serde_json::Value::String(s) => Some(s.clone()),
            _ => None,
        }
        .and_then(|y| parse_year(&y))
        .map(|y| y.0)
        .ok_or_else(|| {
            at(
                "the period is not a year",
                &row.period.to_string(),
                "a year like 2023",
            )
        })?;
        for v in &row.values {
            let Some(rate) = v.value else { continue };
            match v.gender.as_deref().map(str::trim) {
                None | Some("T" | "t" | "") => {}
                Some("K" | "M" | "k" | "m") => continue,
                Some(other) => return Err(at("unknown gender", other, "T (total), K or M")),
            }
            if !rate.is_finite() || rate < 0.0 {
                return Err(at("the rate is negative", &rate.to_string(), "a rate ≥ 0"));
            }
            out.push(RawRate {
                kpi,
                region: row.municipality.clone(),
                region_column: 1,
                year,
                rate,
                line,
            });
        }
    }
    Ok(out)
}
