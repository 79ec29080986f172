//! What was bought for a customer (Order history), and buying an Azure plan for one.

use api_types::cart::NewCart;
use api_types::order::Order as WireOrder;
use api_types::endpoint::{CheckoutCart, CreateCart, ListOrders};
use async_trait::async_trait;
use domain::{Caller, Change, CustomerId, Order};

use super::{unreadable, BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait Orders {
    /// Every order of the customer, the partner's and the customer's own, newest first.
    async fn orders(&self, caller: &Caller, id: CustomerId) -> Result<Vec<Order>, BackendError>;

    /// Buys the Azure plan for a customer who has none, as Partner Center does: a cart with
    /// its one line, checked out. The order placed.
    async fn order_azure_plan(&self, caller: &Caller, id: CustomerId) -> Result<Order, BackendError>;
}

#[async_trait(?Send)]
impl Orders for EmbeddedStore {
    async fn orders(&self, caller: &Caller, id: CustomerId) -> Result<Vec<Order>, BackendError> {
        self.read_as_partner(caller, |store, caller| store.orders(caller, &id))
    }

    async fn order_azure_plan(&self, caller: &Caller, id: CustomerId) -> Result<Order, BackendError> {
        let partner = caller.partner()?;
        let items = NewCart::azure_plan().items();
        let mut placed = None;
        self.change(|store, clock| {
            let change = store.decide_order_azure_plan(partner, &id, &items, clock)?;
            if let Change::AzurePlanOrdered(ordered) = &change {
                placed = Some(ordered.order.clone());
            }
            Ok(Some(change))
        })?;
        placed.ok_or_else(unreadable)
    }
}

#[async_trait(?Send)]
impl Orders for PartnerCenterApi {
    async fn orders(&self, caller: &Caller, id: CustomerId) -> Result<Vec<Order>, BackendError> {
        let found = self.call(caller, &ListOrders { customer: id }).await?;
        // Orders of products this app does not know are left out.
        Ok(found.items.into_iter().filter_map(WireOrder::into_domain).collect())
    }

    async fn order_azure_plan(&self, caller: &Caller, id: CustomerId) -> Result<Order, BackendError> {
        let cart = self.call(caller, &CreateCart { customer: id, body: NewCart::azure_plan() }).await?;
        let result = self.call(caller, &CheckoutCart { customer: id, cart: cart.id }).await?;
        match (result.orders.into_iter().next().and_then(WireOrder::into_domain), result.order_errors.into_iter().next()) {
            (Some(order), _) => Ok(order),
            (None, Some(error)) => Err(BackendError::Server { status: 201, code: Some(error.code), message: error.description }),
            (None, None) => Err(unreadable()),
        }
    }
}
