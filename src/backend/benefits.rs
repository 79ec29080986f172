//! After the purchase: every purchase the partner's staff see (reservations and savings
//! plans, with who placed each order), and what Admin agents do for the customer: cancel
//! (return, refunded), exchange and renew. Over HTTP in Azure's Reservations API shapes: a
//! quote first, then the change made on the quote's session.

use api_types::endpoint::{
    CalculateExchange, CalculateRefund, Exchange, ListReservationOrders, ListSavingsPlanOrders, PatchReservation,
    PatchSavingsPlan, ReturnReservation,
};
use api_types::reservation::{NewReservationOrder, ReservationOrderResource};
use api_types::savings_plan::SavingsPlanOrderAliasResource;
use api_types::reservation_lifecycle::{
    order_of_reservation, BenefitPatch, BenefitPatchProperties, CalculateExchangeRequest, CalculateRefundRequest,
    ExchangeRequest, ExchangeSession, ReturnProperties, ReturnRequest,
};
use async_trait::async_trait;
use domain::{
    BenefitId, Caller, Clock, CustomerId, ExchangeQuote, PurchasedBenefit, RefundQuote, RequestId,
    ReservationOrderId, ReservationRequest,
};

use super::{unreadable, BackendError, BrowserClock, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait Benefits {
    /// Every purchase the caller may see, newest first, with who placed each order: a partner
    /// user's of every customer (or of `customer`), a customer user's of their own company.
    async fn purchased(&self, caller: &Caller, customer: Option<CustomerId>) -> Result<Vec<PurchasedBenefit>, BackendError>;

    /// What returning `quantity` of a reservation would refund now, and the refund limit.
    async fn quote_refund(&self, caller: &Caller, order: ReservationOrderId, quantity: u32) -> Result<RefundQuote, BackendError>;

    /// Cancels (returns) `quantity` of a reservation, refunded; `approves`: the customer's
    /// request this does.
    async fn cancel_reservation(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        approves: Option<RequestId>,
    ) -> Result<(), BackendError>;

    /// What exchanging `quantity` of a reservation for `purchase` would come to.
    async fn quote_exchange(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
    ) -> Result<ExchangeQuote, BackendError>;

    /// Exchanges `quantity` of a reservation for `purchase`: the new reservation order.
    async fn exchange_reservation(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
        approves: Option<RequestId>,
    ) -> Result<ReservationOrderId, BackendError>;

    /// Turns a purchase's auto-renew on or off (and renames it, with `name`).
    async fn update_benefit(
        &self,
        caller: &Caller,
        benefit: BenefitId,
        renew: bool,
        name: Option<String>,
        approves: Option<RequestId>,
    ) -> Result<(), BackendError>;
}

#[async_trait(?Send)]
impl Benefits for EmbeddedStore {
    async fn purchased(&self, caller: &Caller, customer: Option<CustomerId>) -> Result<Vec<PurchasedBenefit>, BackendError> {
        self.read(|store| store.purchased_benefits(caller, customer.as_ref()))
    }

    async fn quote_refund(&self, caller: &Caller, order: ReservationOrderId, quantity: u32) -> Result<RefundQuote, BackendError> {
        self.read(|store| store.quote_refund(caller, &order, quantity, BrowserClock.now()))
    }

    async fn cancel_reservation(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        approves: Option<RequestId>,
    ) -> Result<(), BackendError> {
        self.change(|store, clock| store.decide_return(caller, &order, quantity, approves, clock)).map(|_| ())
    }

    async fn quote_exchange(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
    ) -> Result<ExchangeQuote, BackendError> {
        self.read(|store| store.quote_exchange(caller, &order, quantity, purchase, BrowserClock.now()))
    }

    async fn exchange_reservation(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
        approves: Option<RequestId>,
    ) -> Result<ReservationOrderId, BackendError> {
        let id = purchase.id;
        self.change(|store, clock| store.decide_exchange(caller, &order, quantity, purchase, approves, clock))?;
        Ok(id)
    }

    async fn update_benefit(
        &self,
        caller: &Caller,
        benefit: BenefitId,
        renew: bool,
        name: Option<String>,
        approves: Option<RequestId>,
    ) -> Result<(), BackendError> {
        self.change(|store, clock| store.decide_benefit_settings(caller, benefit, renew, name.as_deref(), approves, clock))
            .map(|_| ())
    }
}

#[async_trait(?Send)]
impl Benefits for PartnerCenterApi {
    /// Both Azure lists, every page of each (`nextLink`), merged newest first.
    async fn purchased(&self, caller: &Caller, customer: Option<CustomerId>) -> Result<Vec<PurchasedBenefit>, BackendError> {
        let customer = match caller {
            Caller::Customer(_) => None,
            Caller::Partner(_) => customer,
        };
        let reservations = self.all_pages(caller, |skip| ListReservationOrders { customer, skip }).await?;
        let plans = self.all_pages(caller, |skip| ListSavingsPlanOrders { customer, skip }).await?;
        let mut found = reservations
            .into_iter()
            .map(ReservationOrderResource::into_purchased)
            .chain(plans.into_iter().map(SavingsPlanOrderAliasResource::into_purchased))
            .collect::<Option<Vec<PurchasedBenefit>>>()
            .ok_or_else(unreadable)?;
        found.sort_by(|a, b| b.item.benefit().effective.cmp(&a.item.benefit().effective));
        Ok(found)
    }

    /// `POST …/reservationOrders/{order}/calculateRefund`.
    async fn quote_refund(&self, caller: &Caller, order: ReservationOrderId, quantity: u32) -> Result<RefundQuote, BackendError> {
        let quote = self.call(caller, &CalculateRefund { order, body: CalculateRefundRequest::new(&order, quantity) }).await?;
        quote.into_domain(order).ok_or_else(unreadable)
    }

    /// A refund quote, then `POST …/reservationOrders/{order}/return` on its session.
    async fn cancel_reservation(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        approves: Option<RequestId>,
    ) -> Result<(), BackendError> {
        let asked = CalculateRefundRequest::new(&order, quantity);
        let quote = self.call(caller, &CalculateRefund { order, body: asked.clone() }).await?;
        let body = ReturnRequest {
            properties: ReturnProperties {
                session_id: quote.properties.session_id,
                scope: asked.properties.scope,
                reservation_to_return: asked.properties.reservation_to_return,
                return_reason: None,
            },
        };
        self.call(caller, &ReturnReservation { order, approves, body }).await?;
        Ok(())
    }

    /// `POST /providers/Microsoft.Capacity/calculateExchange`.
    async fn quote_exchange(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
    ) -> Result<ExchangeQuote, BackendError> {
        let body = CalculateExchangeRequest::new(&order, quantity, NewReservationOrder::from_domain(&purchase));
        let quote = self.call(caller, &CalculateExchange { body }).await?;
        quote.into_domain(purchase.id).ok_or_else(unreadable)
    }

    /// An exchange quote, then `POST /providers/Microsoft.Capacity/exchange` on its session.
    async fn exchange_reservation(
        &self,
        caller: &Caller,
        order: ReservationOrderId,
        quantity: u32,
        purchase: ReservationRequest,
        approves: Option<RequestId>,
    ) -> Result<ReservationOrderId, BackendError> {
        let body = CalculateExchangeRequest::new(&order, quantity, NewReservationOrder::from_domain(&purchase));
        let quote = self.call(caller, &CalculateExchange { body }).await?;
        let session = ExchangeSession { session_id: quote.properties.session_id };
        let done = self.call(caller, &Exchange { approves, body: ExchangeRequest { properties: session } }).await?;
        done.properties
            .reservations_to_purchase
            .first()
            .and_then(|bought| bought.reservation_order_id.as_deref())
            .and_then(order_of_reservation)
            .ok_or_else(unreadable)
    }

    /// `PATCH` of the reservation or the savings plan.
    async fn update_benefit(
        &self,
        caller: &Caller,
        benefit: BenefitId,
        renew: bool,
        name: Option<String>,
        approves: Option<RequestId>,
    ) -> Result<(), BackendError> {
        let body = BenefitPatch { properties: BenefitPatchProperties { renew: Some(renew), display_name: name } };
        match benefit {
            BenefitId::Reservation(order) => self.call(caller, &PatchReservation { order, approves, body }).await.map(|_| ()),
            BenefitId::SavingsPlan(order) => self.call(caller, &PatchSavingsPlan { order, approves, body }).await.map(|_| ()),
        }
    }
}
