//! Whose orders or purchases a list shows: everyone's, the partner's staff's, or the customer's
//! users' (Order history, the Reservations pages). Each page words the choices itself.

use domain::PlacedBy;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlacedByFilter {
    #[default]
    Everyone,
    PartnerStaff,
    CustomerUsers,
}

impl PlacedByFilter {
    pub const ALL: [PlacedByFilter; 3] = [Self::Everyone, Self::PartnerStaff, Self::CustomerUsers];

    /// The option's value (and the address's, where the filter lives there).
    pub fn value(self) -> &'static str {
        match self {
            Self::Everyone => "everyone",
            Self::PartnerStaff => "partner",
            Self::CustomerUsers => "customer",
        }
    }

    /// The filter of an option's value; anything else shows everyone's.
    pub fn from_value(value: &str) -> Self {
        Self::ALL.into_iter().find(|f| f.value() == value).unwrap_or(Self::Everyone)
    }

    pub fn admits(self, placed_by: &PlacedBy) -> bool {
        matches!(
            (self, placed_by),
            (Self::Everyone, _) | (Self::PartnerStaff, PlacedBy::Partner(_)) | (Self::CustomerUsers, PlacedBy::Customer(_))
        )
    }
}
