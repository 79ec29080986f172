//! The Activity log.

use api_types::audit::PolicyValue;
use api_types::endpoint::{ListAuditRecords};
use async_trait::async_trait;
use domain::{ActivityRecord, Caller};
use time::Date;

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait Activity {
    /// Activity log records from `from` to `to` (UTC dates, both included), newest first.
    async fn activity(&self, caller: &Caller, from: Date, to: Date) -> Result<Vec<ActivityRecord>, BackendError>;
}

#[async_trait(?Send)]
impl Activity for EmbeddedStore {
    async fn activity(&self, caller: &Caller, from: Date, to: Date) -> Result<Vec<ActivityRecord>, BackendError> {
        self.read_as_partner(caller, |store, caller| store.activity(caller, from, to))
    }
}

#[async_trait(?Send)]
impl Activity for PartnerCenterApi {
    async fn activity(&self, caller: &Caller, from: Date, to: Date) -> Result<Vec<ActivityRecord>, BackendError> {
        let found = self.call(caller, &ListAuditRecords { from, to }).await?;
        // Records of other kinds (none yet) are left out.
        Ok(found
            .items
            .into_iter()
            .filter_map(|r| r.into_domain(|text| super::json::from_str::<PolicyValue>(text).ok()))
            .collect())
    }
}
