//! brottstrend: follow up a medborgarlöfte (citizen pledge) with BRÅ's crime statistics.
//!
//! The pipeline, one module per stage: [`load`] (one module per input format, all producing
//! one canonical table) → [`catalog`] (which crime types make up each pledge area, series
//! breaks) → [`analysis`] (polars aggregation, yearly sums and [`stats`]) → [`render`]
//! (markdown, json, csv, charts) → [`output`] (written all at once). [`model`] is the result every renderer reads.
//! [`fetch`] downloads a new export from BRÅ's statistics database into the data folder.

#![warn(missing_docs)]

pub mod analysis;
pub mod app;
pub mod batch;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod cores;
pub mod error;
pub mod fetch;
pub mod load;
pub mod model;
pub mod notes;
pub mod output;
pub mod regions;
pub mod render;
pub mod stats;
