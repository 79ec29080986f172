//! A customer's requests to the partner, to exchange, cancel or renew a purchase: the
//! customer user asks, the partner approves (by doing it, through [`super::Benefits`] with
//! `approves`) or declines with a reason. Over HTTP: `/v1/requests` (this API's addition).

use api_types::endpoint::{CreateRequest, DeclineCustomerRequest, ListRequests};
use api_types::request::{BenefitRef, DeclineRequest, NewRequest};
use async_trait::async_trait;
use domain::{BenefitId, Caller, CustomerId, CustomerRequest, RequestId, RequestKind, RequestStatus};

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait Requests {
    /// The requests the caller may see, newest first: a partner user's of every customer (or
    /// of `customer`), a customer user's of their own company.
    async fn requests(&self, caller: &Caller, customer: Option<CustomerId>) -> Result<Vec<CustomerRequest>, BackendError>;

    /// A customer user of `customer` asks the partner (`id`: chosen by the caller).
    async fn ask_partner(
        &self,
        caller: &Caller,
        customer: CustomerId,
        id: RequestId,
        benefit: BenefitId,
        kind: RequestKind,
        note: String,
    ) -> Result<(), BackendError>;

    /// The partner declines a request of `customer`, with a reason.
    async fn decline_request(&self, caller: &Caller, customer: CustomerId, id: RequestId, reason: String) -> Result<(), BackendError>;

    /// How many requests wait for the partner (the top bar's count; a partner user's only).
    async fn pending_requests(&self, caller: &Caller) -> Result<usize, BackendError> {
        caller.partner()?;
        Ok(self.requests(caller, None).await?.iter().filter(|r| r.status == RequestStatus::Pending).count())
    }
}

#[async_trait(?Send)]
impl Requests for EmbeddedStore {
    async fn requests(&self, caller: &Caller, customer: Option<CustomerId>) -> Result<Vec<CustomerRequest>, BackendError> {
        self.read(|store| store.requests(caller, customer.as_ref()))
    }

    async fn ask_partner(
        &self,
        caller: &Caller,
        _customer: CustomerId,
        id: RequestId,
        benefit: BenefitId,
        kind: RequestKind,
        note: String,
    ) -> Result<(), BackendError> {
        self.change(|store, clock| store.decide_request(caller, id, benefit, kind, &note, clock)).map(|_| ())
    }

    async fn decline_request(&self, caller: &Caller, _customer: CustomerId, id: RequestId, reason: String) -> Result<(), BackendError> {
        self.change(|store, clock| store.decide_decline(caller, &id, &reason, clock)).map(|_| ())
    }
}

#[async_trait(?Send)]
impl Requests for PartnerCenterApi {
    async fn requests(&self, caller: &Caller, customer: Option<CustomerId>) -> Result<Vec<CustomerRequest>, BackendError> {
        let found = self.call(caller, &ListRequests { customer }).await?;
        Ok(found.items.into_iter().filter_map(|r| r.into_domain()).collect())
    }

    async fn ask_partner(
        &self,
        caller: &Caller,
        customer: CustomerId,
        id: RequestId,
        benefit: BenefitId,
        kind: RequestKind,
        note: String,
    ) -> Result<(), BackendError> {
        let body = NewRequest { id, benefit: BenefitRef::of(benefit), kind: kind.into(), note };
        self.call(caller, &CreateRequest { customer, body }).await.map(|_| ())
    }

    async fn decline_request(&self, caller: &Caller, customer: CustomerId, id: RequestId, reason: String) -> Result<(), BackendError> {
        self.call(caller, &DeclineCustomerRequest { customer, id, body: DeclineRequest { reason } }).await.map(|_| ())
    }
}
