//! brottstrend: follow up a medborgarlöfte (citizen pledge) with BRÅ's crime statistics.
//!
//! The pipeline, one module per stage: [`load`] (one module per input format, all producing
//! one canonical table) → [`catalog`] (which crime types make up each pledge area, series
//! breaks) → [`analysis`] (polars aggregation and [`stats`]) → [`render`] (markdown, json, csv,
//! charts) → [`output`] (written all at once). [`model`] is the result every renderer reads.

// An InputError (file, line, column, value, expected) is built once per run on the way out;
// its size on the error path does not matter, so it is not boxed.
#![allow(clippy::result_large_err)]

pub mod analysis;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod error;
pub mod load;
pub mod model;
pub mod notes;
pub mod output;
pub mod regions;
pub mod render;
pub mod stats;
