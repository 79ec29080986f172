//! What a customer user buys on their own, as the Azure portal sells it (reservations and
//! savings plans, billed to the partner), and what their company has bought.

use api_types::azure_subscription::ArmSubscription;
use api_types::reservation::{NewReservationOrder, ReservationOrderResource};
use api_types::savings_plan::{NewSavingsPlanOrderAlias, SavingsPlanOrderAliasResource};
use api_types::endpoint::{ListAzureSubscriptions, ListReservationOrders, ListSavingsPlanOrders, PurchaseReservationOrder, PurchaseSavingsPlan};
use async_trait::async_trait;
use domain::{AzureSubscriptionView, Caller, CustomerId, Reservation, ReservationRequest, SavingsPlan, SavingsPlanRequest};

use super::{unreadable, BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait Purchases {
    /// The signed-in customer user's Azure subscriptions (their company's), each with its
    /// role assignments.
    async fn my_azure_subscriptions(&self, caller: &Caller) -> Result<Vec<AzureSubscriptionView>, BackendError>;

    /// The customer's reservations, newest first (a customer user: only their own company's).
    async fn reservations(&self, caller: &Caller, customer: CustomerId) -> Result<Vec<Reservation>, BackendError>;

    /// The customer's savings plans, newest first (a customer user: only their own company's).
    async fn savings_plans(&self, caller: &Caller, customer: CustomerId) -> Result<Vec<SavingsPlan>, BackendError>;

    /// A customer user buys a reservation, billed to the partner: the reservation bought.
    async fn buy_reservation(&self, caller: &Caller, request: ReservationRequest) -> Result<Reservation, BackendError>;

    /// A customer user buys a savings plan, billed to the partner: the savings plan bought.
    async fn buy_savings_plan(&self, caller: &Caller, request: SavingsPlanRequest) -> Result<SavingsPlan, BackendError>;
}

#[async_trait(?Send)]
impl Purchases for EmbeddedStore {
    async fn my_azure_subscriptions(&self, caller: &Caller) -> Result<Vec<AzureSubscriptionView>, BackendError> {
        self.read_as_customer(caller, |store, me| store.my_azure_subscriptions(me))
    }

    async fn reservations(&self, caller: &Caller, customer: CustomerId) -> Result<Vec<Reservation>, BackendError> {
        self.read(|store| store.reservations(caller, &customer))
    }

    async fn savings_plans(&self, caller: &Caller, customer: CustomerId) -> Result<Vec<SavingsPlan>, BackendError> {
        self.read(|store| store.savings_plans(caller, &customer))
    }

    async fn buy_reservation(&self, caller: &Caller, request: ReservationRequest) -> Result<Reservation, BackendError> {
        let buyer = caller.customer()?;
        let id = request.id;
        self.change(|store, clock| store.decide_reservation_purchase(buyer, request, clock))?;
        self.read(|store| store.reservation(caller, &id))
    }

    async fn buy_savings_plan(&self, caller: &Caller, request: SavingsPlanRequest) -> Result<SavingsPlan, BackendError> {
        let buyer = caller.customer()?;
        let alias = request.alias.clone();
        self.change(|store, clock| store.decide_savings_plan_purchase(buyer, request, clock))?;
        self.read(|store| store.savings_plan_by_alias(caller, &alias))
    }
}

/// Whose purchases a list asks for: a customer user's own company's, or for a partner user
/// the customer's (`?customerId=`).
fn named_customer(caller: &Caller, customer: CustomerId) -> Option<CustomerId> {
    match caller {
        Caller::Customer(_) => None,
        Caller::Partner(_) => Some(customer),
    }
}

#[async_trait(?Send)]
impl Purchases for PartnerCenterApi {
    async fn my_azure_subscriptions(&self, caller: &Caller) -> Result<Vec<AzureSubscriptionView>, BackendError> {
        caller.customer()?;
        let found = self.call(caller, &ListAzureSubscriptions {}).await?;
        Ok(found.value.into_iter().filter_map(ArmSubscription::into_domain).collect())
    }

    async fn reservations(&self, caller: &Caller, customer: CustomerId) -> Result<Vec<Reservation>, BackendError> {
        let customer = named_customer(caller, customer);
        let found = self.all_pages(caller, |skip| ListReservationOrders { customer, skip }).await?;
        Ok(found.into_iter().filter_map(ReservationOrderResource::into_domain).collect())
    }

    async fn savings_plans(&self, caller: &Caller, customer: CustomerId) -> Result<Vec<SavingsPlan>, BackendError> {
        let customer = named_customer(caller, customer);
        let found = self.all_pages(caller, |skip| ListSavingsPlanOrders { customer, skip }).await?;
        Ok(found.into_iter().filter_map(SavingsPlanOrderAliasResource::into_domain).collect())
    }

    /// `PUT /providers/Microsoft.Capacity/reservationOrders/{id}`, as the Azure portal buys.
    async fn buy_reservation(&self, caller: &Caller, request: ReservationRequest) -> Result<Reservation, BackendError> {
        let body = NewReservationOrder::from_domain(&request);
        let bought = self.call(caller, &PurchaseReservationOrder { id: request.id, body }).await?;
        bought.into_domain().ok_or_else(unreadable)
    }

    /// `PUT /providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}`.
    async fn buy_savings_plan(&self, caller: &Caller, request: SavingsPlanRequest) -> Result<SavingsPlan, BackendError> {
        let body = NewSavingsPlanOrderAlias::from_domain(&request);
        let bought = self.call(caller, &PurchaseSavingsPlan { alias: request.alias.clone(), body }).await?;
        bought.into_domain().ok_or_else(unreadable)
    }
}
