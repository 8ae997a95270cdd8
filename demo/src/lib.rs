//! Seed data and host pages for the Aduan demo.
//!
//! Not built yet: issue 5 fills this crate with Kalimantan Selatan agencies,
//! complaint histories and the pages that embed the widgets.
