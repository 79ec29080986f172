//! What the mock API tells partner developers about itself (`/_mock`, this API's addition):
//! the requests it served and the fault rules in force, for the Requests inspector. The
//! embedded store serves no requests: it has none of this.

use api_types::endpoint::{AddFaultRule, ListFaultRules, ListServedRequests, RemoveFaultRule};
use api_types::stand_in::{FaultRule, JournalEntry, JournalQuery, NewFaultRule};
use async_trait::async_trait;
use domain::Caller;
use uuid::Uuid;

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait StandIn {
    /// The requests the server served, newest first, as `query` filters them.
    async fn served_requests(&self, caller: &Caller, query: JournalQuery) -> Result<Vec<JournalEntry>, BackendError>;

    /// The fault rules in force, in the order they are tried.
    async fn fault_rules(&self, caller: &Caller) -> Result<Vec<FaultRule>, BackendError>;

    /// Puts a rule in force, after those there are.
    async fn add_fault_rule(&self, caller: &Caller, rule: NewFaultRule) -> Result<FaultRule, BackendError>;

    async fn remove_fault_rule(&self, caller: &Caller, id: Uuid) -> Result<(), BackendError>;
}

#[async_trait(?Send)]
impl StandIn for EmbeddedStore {
    async fn served_requests(&self, _caller: &Caller, _query: JournalQuery) -> Result<Vec<JournalEntry>, BackendError> {
        Err(BackendError::NotSupported)
    }

    async fn fault_rules(&self, _caller: &Caller) -> Result<Vec<FaultRule>, BackendError> {
        Err(BackendError::NotSupported)
    }

    async fn add_fault_rule(&self, _caller: &Caller, _rule: NewFaultRule) -> Result<FaultRule, BackendError> {
        Err(BackendError::NotSupported)
    }

    async fn remove_fault_rule(&self, _caller: &Caller, _id: Uuid) -> Result<(), BackendError> {
        Err(BackendError::NotSupported)
    }
}

#[async_trait(?Send)]
impl StandIn for PartnerCenterApi {
    async fn served_requests(&self, caller: &Caller, query: JournalQuery) -> Result<Vec<JournalEntry>, BackendError> {
        Ok(self.call(caller, &ListServedRequests { query }).await?.items)
    }

    async fn fault_rules(&self, caller: &Caller) -> Result<Vec<FaultRule>, BackendError> {
        Ok(self.call(caller, &ListFaultRules {}).await?.items)
    }

    async fn add_fault_rule(&self, caller: &Caller, rule: NewFaultRule) -> Result<FaultRule, BackendError> {
        self.call(caller, &AddFaultRule { body: rule }).await
    }

    async fn remove_fault_rule(&self, caller: &Caller, id: Uuid) -> Result<(), BackendError> {
        self.call(caller, &RemoveFaultRule { id }).await.map(|_| ())
    }
}
