#![doc = include_str!("../README.md")]

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
