//! Who can sign in to the demo: the partner's staff, and the customer users by company.

use async_trait::async_trait;
use domain::{CompanyUsers, PartnerUser};

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

/// The identity switcher's list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInList {
    pub partner_users: Vec<PartnerUser>,
    /// Customer users who can sign in, grouped by their company.
    pub companies: Vec<CompanyUsers>,
}

#[async_trait(?Send)]
pub trait Staff {
    /// Everyone who can sign in to the demo (no caller: this is the sign-in list).
    async fn sign_in_list(&self) -> Result<SignInList, BackendError>;
}

#[async_trait(?Send)]
impl Staff for EmbeddedStore {
    async fn sign_in_list(&self) -> Result<SignInList, BackendError> {
        self.read(|store| {
            Ok(SignInList { partner_users: store.partner_users().to_vec(), companies: store.companies_to_sign_in_as() })
        })
    }
}

#[async_trait(?Send)]
impl Staff for PartnerCenterApi {
    async fn sign_in_list(&self) -> Result<SignInList, BackendError> {
        self.demo_users().await
    }
}
