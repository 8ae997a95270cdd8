//! The console's screens as hash routes (`#/kotak-masuk`, `#/aduan/{ticket}`,
//! `#/dasbor`): the page is one HTML document served at `/console`, so the
//! route lives in the fragment and needs nothing from the server.

/// A screen of the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The inbox, most urgent first (the default).
    Inbox,
    /// One complaint, by its ticket as typed in the fragment.
    Complaint(String),
    /// Statistics of an agency or the province.
    Dashboard,
}

impl Route {
    /// The route for a location hash (with or without its `#`); anything
    /// unknown is the inbox.
    ///
    /// # Example
    /// ```
    /// use aduan_console::route::Route;
    /// assert_eq!(Route::parse("#/aduan/ABCD"), Route::Complaint("ABCD".into()));
    /// assert_eq!(Route::parse(""), Route::Inbox);
    /// ```
    #[must_use]
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or_default(), parts.next()) {
            ("dasbor", _) => Self::Dashboard,
            ("aduan", Some(ticket)) if is_ticket_like(ticket) => Self::Complaint(ticket.to_owned()),
            _ => Self::Inbox,
        }
    }

    /// The hash that shows this route.
    #[must_use]
    pub fn hash(&self) -> String {
        match self {
            Self::Inbox => "#/kotak-masuk".to_owned(),
            Self::Complaint(ticket) => format!("#/aduan/{ticket}"),
            Self::Dashboard => "#/dasbor".to_owned(),
        }
    }

    /// The page title for this route.
    #[must_use]
    pub fn title(&self) -> String {
        match self {
            Self::Inbox => "Kotak masuk – Konsol Aduan".to_owned(),
            Self::Complaint(ticket) => format!("Aduan {ticket} – Konsol Aduan"),
            Self::Dashboard => "Dasbor – Konsol Aduan".to_owned(),
        }
    }
}

/// Tickets are short and alphanumeric (with hyphens as typed); anything
/// else in the fragment is not sent to the server.
fn is_ticket_like(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_and_unknown_is_the_inbox() {
        let check = |hash: &str, route: Route| {
            assert_eq!(Route::parse(hash), route, "{hash}");
        };
        check("#/kotak-masuk", Route::Inbox);
        check("#/dasbor", Route::Dashboard);
        check("#/aduan/K7M3PQ9XA", Route::Complaint("K7M3PQ9XA".into()));
        check("#/aduan/", Route::Inbox);
        check("#/aduan/<script>", Route::Inbox);
        check("#/lain", Route::Inbox);
        check("", Route::Inbox);
        for route in [Route::Inbox, Route::Dashboard, Route::Complaint("ABC".into())] {
            assert_eq!(Route::parse(&route.hash()), route);
        }
        assert_eq!(Route::Dashboard.title(), "Dasbor – Konsol Aduan");
    }
}
