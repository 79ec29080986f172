//! Starting the demo again.

use async_trait::async_trait;

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait DemoData {
    /// Throws away every change and starts again with `extra_customers` generated
    /// customers beside the hand-made ones.
    async fn reset_demo_data(&self, extra_customers: u32) -> Result<(), BackendError>;
}

#[async_trait(?Send)]
impl DemoData for EmbeddedStore {
    async fn reset_demo_data(&self, extra_customers: u32) -> Result<(), BackendError> {
        self.reset(extra_customers)
    }
}

#[async_trait(?Send)]
impl DemoData for PartnerCenterApi {
    /// The mock API keeps its data in its own file: restart it with a new `--data` file.
    async fn reset_demo_data(&self, _extra_customers: u32) -> Result<(), BackendError> {
        Err(BackendError::NotSupported)
    }
}
