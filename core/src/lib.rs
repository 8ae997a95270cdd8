//! `aduan-core`: the pure domain logic of Aduan, the public-complaint toolkit
//! for Indonesian government websites (SP4N-LAPOR!).
//!
//! This crate never reads the clock, files, network or DOM: time, holiday
//! calendars and configuration come in as values, so the same code runs in
//! the server (native) and in the widgets (`wasm32-unknown-unknown`).
//!
//! The map:
//! - [`complaint`]: what a citizen files, and its validation;
//! - [`ticket`]: ticket numbers with a check character, and access secrets;
//! - [`lifecycle`]: events, the state machine, and the fold that gives a
//!   complaint's state;
//! - [`calendar`] and [`zone`]: working days, holidays, time zones;
//! - [`sla`]: the clocks that measure each complaint against its deadlines;
//! - [`stats`]: per-agency statistics in one pass over complaints;
//! - [`award`]: the generic award-scoring engine and its presets;
//! - [`api`]: the versioned wire types that cross HTTP and the widget boundary;
//! - [`visibility`]: who may see which part of a complaint;
//! - [`format`](mod@format): Indonesian and English formatting of numbers, dates, durations;
//! - [`error`]: the bilingual error vocabulary.

pub mod api;
pub mod award;
pub mod calendar;
pub mod complaint;
pub mod error;
pub mod format;
pub mod ids;
pub mod lifecycle;
pub mod sla;
pub mod stats;
pub mod ticket;
pub mod visibility;
pub mod zone;

pub use complaint::{
    Channel, ChannelKind, ComplaintInput, ComplaintKind, NewComplaint, Privacy, Rating, ValidationContext,
};
pub use error::{Error, FieldError, Lang, Text, ValidationErrors};
pub use ids::{AgencyId, CategoryId};
pub use ticket::{AccessSecret, TicketError, TicketNumber};
pub use zone::Zone;
