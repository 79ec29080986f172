//! What the partner bought for a customer, and whether the customer could buy today.

use api_types::endpoint::{ListSubscriptions, ReadReadiness};
use async_trait::async_trait;
use domain::{Caller, CustomerId, Readiness, Subscription};

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait Subscriptions {
    async fn subscriptions(&self, caller: &Caller, id: CustomerId) -> Result<Vec<Subscription>, BackendError>;

    /// Whether a purchase by the customer would go through today, and why not.
    async fn readiness(&self, caller: &Caller, id: CustomerId) -> Result<Readiness, BackendError>;
}

#[async_trait(?Send)]
impl Subscriptions for EmbeddedStore {
    async fn subscriptions(&self, caller: &Caller, id: CustomerId) -> Result<Vec<Subscription>, BackendError> {
        self.read_as_partner(caller, |store, caller| Ok(store.subscriptions(caller, &id)?.to_vec()))
    }

    async fn readiness(&self, caller: &Caller, id: CustomerId) -> Result<Readiness, BackendError> {
        self.read_as_partner(caller, |store, caller| store.readiness(caller, &id))
    }
}

#[async_trait(?Send)]
impl Subscriptions for PartnerCenterApi {
    async fn subscriptions(&self, caller: &Caller, id: CustomerId) -> Result<Vec<Subscription>, BackendError> {
        let found = self.call(caller, &ListSubscriptions { customer: id }).await?;
        // Offers this product does not know are left out.
        Ok(found.items.into_iter().filter_map(|s| s.into_domain(id)).collect())
    }

    async fn readiness(&self, caller: &Caller, id: CustomerId) -> Result<Readiness, BackendError> {
        let readiness = self.call(caller, &ReadReadiness { customer: id }).await?;
        Ok(readiness.into_domain())
    }
}
