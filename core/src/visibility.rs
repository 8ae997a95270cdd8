//! Who may see which part of a complaint: the privacy rules of SP4N-LAPOR!
//! as one table, so that every view (API, widget, console, feed) asks the
//! same question and a forgotten flag cannot expose a reporter.
//!
//! | privacy | audience | summary | content | identity | contact |
//! |---|---|---|---|---|---|
//! | publik | public (ticket holder, lists) | ✓ | – | ✓ name | – |
//! | anonim | public | ✓ | – | – | – |
//! | rahasia | public | – | – | – | – |
//! | any | reporter (with the access secret) | ✓ | ✓ | ✓ | ✓ |
//! | publik, rahasia | agency handling it | ✓ | ✓ | ✓ | ✓ |
//! | anonim | agency handling it | ✓ | ✓ | – | – |
//! | any | koordinator | ✓ | ✓ | ✓ | ✓ |
//!
//! *Summary* is kind, title, agency and dates; *content* is the description,
//! location, and the messages in the timeline; *identity* the reporter's
//! name; *contact* their email and phone. Status and the status timeline are
//! visible to everyone holding the ticket, whatever the privacy.

use serde::{Deserialize, Serialize};

use crate::complaint::Privacy;
use crate::ids::AgencyId;
use crate::lifecycle::Actor;

/// Who is looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Anyone: a ticket holder without the secret, public lists and feeds.
    Public,
    /// The reporter, proved by the access secret.
    Reporter,
    /// An officer of the agency the complaint is assigned to.
    Agency,
    /// An admin koordinator.
    Koordinator,
}

impl Audience {
    /// The audience an actor belongs to for one complaint: an officer of an
    /// agency the complaint is not assigned to is only the public, and so
    /// is the system (it needs no view).
    ///
    /// # Example
    /// ```
    /// use aduan_core::lifecycle::Actor;
    /// use aduan_core::visibility::Audience;
    /// use aduan_core::AgencyId;
    /// let dinkes = AgencyId::new("dinkes").unwrap();
    /// let officer = Actor::Penghubung { agency: AgencyId::new("dpupr").unwrap() };
    /// assert_eq!(Audience::of(&officer, Some(&dinkes)), Audience::Public);
    /// assert_eq!(Audience::of(&Actor::Penghubung { agency: dinkes.clone() }, Some(&dinkes)), Audience::Agency);
    /// ```
    #[must_use]
    pub fn of(actor: &Actor, assigned: Option<&AgencyId>) -> Self {
        match actor {
            Actor::Reporter => Self::Reporter,
            Actor::Koordinator => Self::Koordinator,
            Actor::Penghubung { agency } if assigned == Some(agency) => Self::Agency,
            Actor::Penghubung { .. } | Actor::System => Self::Public,
        }
    }
}

/// What an audience may see of a complaint with a given privacy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools)] // Four independent permissions, named.
pub struct Visibility {
    /// Kind, title, agency and dates.
    pub summary: bool,
    /// Description, location and timeline messages.
    pub content: bool,
    /// The reporter's name.
    pub identity: bool,
    /// The reporter's email and phone.
    pub contact: bool,
}

impl Visibility {
    /// The rule of the table in the module docs.
    ///
    /// # Example
    /// ```
    /// use aduan_core::visibility::{Audience, Visibility};
    /// use aduan_core::Privacy;
    /// // An anonymous reporter's identity never reaches the agency.
    /// assert!(!Visibility::of(Privacy::Anonim, Audience::Agency).identity);
    /// // A confidential report shows nothing but its status to the public.
    /// assert!(!Visibility::of(Privacy::Rahasia, Audience::Public).summary);
    /// ```
    #[must_use]
    pub fn of(privacy: Privacy, audience: Audience) -> Self {
        let all = Self { summary: true, content: true, identity: true, contact: true };
        match (audience, privacy) {
            (Audience::Reporter | Audience::Koordinator, _) => all,
            (Audience::Agency, Privacy::Anonim) => Self { identity: false, contact: false, ..all },
            (Audience::Agency, _) => all,
            (Audience::Public, Privacy::Publik) => {
                Self { summary: true, content: false, identity: true, contact: false }
            }
            (Audience::Public, Privacy::Anonim) => {
                Self { summary: true, content: false, identity: false, contact: false }
            }
            (Audience::Public, Privacy::Rahasia) => {
                Self { summary: false, content: false, identity: false, contact: false }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole table, written out independently of the match above.
    #[test]
    fn table() {
        let expected = "
publik  public      S-I-
publik  reporter    SCIK
publik  agency      SCIK
publik  koordinator SCIK
anonim  public      S---
anonim  reporter    SCIK
anonim  agency      SC--
anonim  koordinator SCIK
rahasia public      ----
rahasia reporter    SCIK
rahasia agency      SCIK
rahasia koordinator SCIK";
        let mut actual = String::new();
        for p in [Privacy::Publik, Privacy::Anonim, Privacy::Rahasia] {
            for (a, name) in [
                (Audience::Public, "public"),
                (Audience::Reporter, "reporter"),
                (Audience::Agency, "agency"),
                (Audience::Koordinator, "koordinator"),
            ] {
                let v = Visibility::of(p, a);
                let flag = |b: bool, c: char| if b { c } else { '-' };
                actual.push_str(&format!(
                    "\n{:<7} {:<11} {}{}{}{}",
                    p.code(),
                    name,
                    flag(v.summary, 'S'),
                    flag(v.content, 'C'),
                    flag(v.identity, 'I'),
                    flag(v.contact, 'K')
                ));
            }
        }
        assert_eq!(actual, expected);
    }

    #[test]
    fn identity_never_leaks_where_privacy_forbids() {
        for p in [Privacy::Publik, Privacy::Anonim, Privacy::Rahasia] {
            let public = Visibility::of(p, Audience::Public);
            assert_eq!(public.identity, p == Privacy::Publik);
            assert!(!public.contact);
            assert_eq!(Visibility::of(p, Audience::Agency).identity, p != Privacy::Anonim);
        }
    }
}
