//! The partner's staff: who can sign in to the demo.

use async_trait::async_trait;
use domain::PartnerUser;

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait Staff {
    /// The partner's users, who can sign in to the demo (no caller: this is the sign-in list).
    async fn partner_users(&self) -> Result<Vec<PartnerUser>, BackendError>;
}

#[async_trait(?Send)]
impl Staff for EmbeddedStore {
    async fn partner_users(&self) -> Result<Vec<PartnerUser>, BackendError> {
        self.read(|store| Ok(store.partner_users().to_vec()))
    }
}

#[async_trait(?Send)]
impl Staff for PartnerCenterApi {
    async fn partner_users(&self) -> Result<Vec<PartnerUser>, BackendError> {
        self.demo_users().await
    }
}
