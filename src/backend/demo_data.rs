//! Starting the demo again.

use api_types::endpoint::ResetData;
use api_types::stand_in::Reset;
use async_trait::async_trait;
use domain::Caller;

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait DemoData {
    /// Throws away every change and starts again with `extra_customers` generated
    /// customers beside the hand-made ones.
    async fn reset_demo_data(&self, caller: &Caller, extra_customers: u32) -> Result<(), BackendError>;
}

#[async_trait(?Send)]
impl DemoData for EmbeddedStore {
    /// The data is this browser's own: whoever is signed in may start it again.
    async fn reset_demo_data(&self, _caller: &Caller, extra_customers: u32) -> Result<(), BackendError> {
        self.reset(extra_customers)
    }
}

#[async_trait(?Send)]
impl DemoData for PartnerCenterApi {
    /// The mock API's data is everyone's who uses it: `POST /_mock/reset`, open to partner
    /// Admin agents (the server refuses the others). Every app following its event stream,
    /// this one too, reads everything again.
    async fn reset_demo_data(&self, caller: &Caller, extra_customers: u32) -> Result<(), BackendError> {
        self.call(caller, &ResetData { body: Reset { customers: extra_customers, seed: 0 } }).await.map(|_| ())
    }
}
