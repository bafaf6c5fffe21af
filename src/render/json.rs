//! `summary.json`: the result model as it is, pretty-printed UTF-8.

use crate::model::Summary;

/// Serialises the summary; keys in the model's field order, numbers at full precision.
pub fn render(summary: &Summary) -> anyhow::Result<Vec<u8>> {
    let mut out = serde_json::to_vec_pretty(summary)?;
    out.push(b'\n');
    Ok(out)
}
