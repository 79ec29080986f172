//! The catalogue's words for the domain's values and for failures, and its numbers and dates.

use domain::{
    ActivityAction, AppliedScope, AzureRole, BenefitStatus, BillingCycle, BillingPlan, BillingType, DomainError, NewCustomerProblem,
    Offer, OrderStatus, PartnerRole, Permission, PurchaseProblem, Region, RequestTextProblem, SubscriptionStatus, Term,
    Usd, UserState,
};
use time::{Date, OffsetDateTime};

use super::{fill, intl, Messages, Plural};
use crate::backend::{BackendError, NetworkProblem};

impl Messages {
    pub fn number(&self, n: usize) -> String {
        intl::format_number(self.lang, n)
    }

    /// An amount in US dollars, to the cent, as the language writes it.
    pub fn money(&self, amount: Usd) -> String {
        intl::format_money(self.lang, amount.as_dollars(), false)
    }

    /// An hourly commitment in US dollars, to the tenth of a cent.
    pub fn hourly_money(&self, amount: Usd) -> String {
        intl::format_money(self.lang, amount.as_dollars(), true)
    }

    pub fn date(&self, date: Date) -> String {
        intl::format_date(self.lang, date)
    }

    pub fn date_time(&self, at: OffsetDateTime) -> String {
        intl::format_date_time(self.lang, at)
    }

    /// "A, B and C" as the language joins them.
    pub fn list(&self, items: &[String]) -> String {
        intl::join_list(self.lang, items)
    }

    /// The form of `plural` for `count`, with the count written as the language writes it.
    pub fn plural(&self, plural: Plural, count: usize) -> String {
        intl::plural(self.lang, plural, count)
    }

    /// A page's `<title>`.
    pub fn title(&self, page: &str) -> String {
        fill(self.document_title, &[("page", page)])
    }

    pub fn role(&self, role: PartnerRole) -> &'static str {
        match role {
            PartnerRole::AdminAgent => self.role_admin_agent,
            PartnerRole::SalesAgent => self.role_sales_agent,
            PartnerRole::HelpdeskAgent => self.role_helpdesk_agent,
        }
    }

    pub fn permission(&self, permission: Permission) -> &'static str {
        match permission {
            Permission::AzureReservations => self.permission_reservations,
            Permission::AzureSavingsPlan => self.permission_savings_plan,
        }
    }

    /// "Azure reservations, Azure savings plan", or "Off" when none.
    pub fn permission_list<'a>(&self, permissions: impl IntoIterator<Item = &'a Permission>) -> String {
        let names: Vec<String> = permissions.into_iter().map(|p| self.permission(*p).to_string()).collect();
        if names.is_empty() {
            self.permissions_off.to_string()
        } else {
            names.join(", ")
        }
    }

    /// What Partner Center's (English) action name means, in this language.
    pub fn action_explained(&self, action: ActivityAction) -> &'static str {
        match action {
            ActivityAction::CreateCustomerPurchasePermissions => self.action_create_explained,
            ActivityAction::UpdateCustomerPurchasePermissions => self.action_update_explained,
            ActivityAction::DeleteCustomerPurchasePermissions => self.action_delete_explained,
            ActivityAction::CreateOrder => self.action_create_order_explained,
            ActivityAction::CreateRoleAssignment => self.action_create_role_assignment_explained,
            ActivityAction::DeleteRoleAssignment => self.action_delete_role_assignment_explained,
            ActivityAction::CancelReservation => self.action_cancel_reservation_explained,
            ActivityAction::ExchangeReservation => self.action_exchange_reservation_explained,
            ActivityAction::UpdateReservation => self.action_update_reservation_explained,
            ActivityAction::UpdateSavingsPlan => self.action_update_savings_plan_explained,
        }
    }

    /// The offer's name: Azure's own offers in this language, product names as they are.
    pub fn offer_name(&self, offer: Offer) -> &'static str {
        match offer {
            Offer::AzurePlan => self.offer_azure_plan,
            Offer::AzureGlobal => self.offer_azure_global,
            other => other.offer_name(),
        }
    }

    pub fn subscription_status(&self, status: SubscriptionStatus) -> &'static str {
        match status {
            SubscriptionStatus::Active => self.status_active,
            SubscriptionStatus::Suspended => self.status_suspended,
            SubscriptionStatus::Deleted => self.status_deleted,
        }
    }

    pub fn billing_type(&self, billing: BillingType) -> &'static str {
        match billing {
            BillingType::Usage => self.billing_usage,
            BillingType::License => self.billing_license,
        }
    }

    pub fn azure_role(&self, role: AzureRole) -> &'static str {
        match role {
            AzureRole::Owner => self.role_owner,
            AzureRole::Contributor => self.role_contributor,
            AzureRole::Reader => self.role_reader,
        }
    }

    pub fn term(&self, term: Term) -> &'static str {
        match term {
            Term::OneYear => self.term_one_year,
            Term::ThreeYears => self.term_three_years,
        }
    }

    /// How a reservation or savings plan is paid (Azure's billing frequency).
    pub fn billing_plan(&self, plan: BillingPlan) -> &'static str {
        match plan {
            BillingPlan::Upfront => self.billing_plan_upfront,
            BillingPlan::Monthly => self.billing_plan_monthly,
        }
    }

    /// An order's billing frequency (Partner Center's billing cycle).
    pub fn billing_cycle(&self, cycle: BillingCycle) -> &'static str {
        match cycle {
            BillingCycle::OneTime => self.billing_cycle_one_time,
            BillingCycle::Monthly => self.billing_cycle_monthly,
            BillingCycle::None => self.billing_cycle_none,
        }
    }

    pub fn order_status(&self, status: OrderStatus) -> &'static str {
        match status {
            OrderStatus::Pending => self.order_status_pending,
            OrderStatus::Completed => self.order_status_completed,
            OrderStatus::Cancelled => self.order_status_cancelled,
        }
    }

    /// An Azure region's display name.
    pub fn region(&self, region: Region) -> &'static str {
        match region {
            Region::EastUs => self.region_east_us,
            Region::WestEurope => self.region_west_europe,
            Region::GermanyWestCentral => self.region_germany_west_central,
        }
    }

    /// Where a reservation's or savings plan's discount applies (without the subscription).
    pub fn scope(&self, scope: AppliedScope) -> &'static str {
        match scope {
            AppliedScope::Shared => self.scope_shared,
            AppliedScope::Single(_) => self.scope_single,
        }
    }

    /// The state of a reservation or savings plan (Azure's provisioning state).
    pub fn benefit_status(&self, status: BenefitStatus) -> &'static str {
        match status {
            BenefitStatus::Succeeded => self.benefit_succeeded,
            BenefitStatus::Cancelled => self.benefit_cancelled,
            BenefitStatus::Expired => self.benefit_expired,
        }
    }

    pub fn user_state(&self, state: UserState) -> &'static str {
        match state {
            UserState::Active => self.user_active,
            UserState::Inactive => self.user_inactive,
        }
    }

    /// A failure in words a partner's staff member understands.
    pub fn error(&self, error: &BackendError) -> String {
        match error {
            BackendError::Refused(refusal) => self.refusal(refusal),
            BackendError::NotSignedIn => self.error_unknown_user.to_string(),
            BackendError::NotFound => self.error_not_found.to_string(),
            BackendError::Storage(_) => self.error_storage.to_string(),
            BackendError::Network(NetworkProblem::Timeout(seconds)) => {
                fill(self.error_timeout, &[("seconds", &seconds.to_string())])
            }
            BackendError::Network(NetworkProblem::Failed(reason)) => fill(self.error_network, &[("reason", reason)]),
            BackendError::NotSupported => self.error_not_supported.to_string(),
            BackendError::ChunkUnavailable => self.chunk_failed_text.to_string(),
            BackendError::Server { status, .. } if *status >= 500 => fill(self.error_server_failed, &[("status", &status.to_string())]),
            BackendError::Server { status, code, message } => {
                let status = match code {
                    Some(code) if u32::from(*status) != *code => format!("{status} {code}"),
                    _ => status.to_string(),
                };
                fill(self.error_server, &[("status", &status), ("message", message)])
            }
        }
    }

    fn refusal(&self, refusal: &DomainError) -> String {
        let text = match refusal {
            DomainError::NotAdminAgent { .. } => self.error_not_admin,
            DomainError::NotAllowedToCreateCustomers { .. } => self.error_not_allowed_to_create,
            DomainError::UnknownPartnerUser(_) | DomainError::UnknownCustomerUser(_) => self.error_unknown_user,
            DomainError::UnknownCustomer(_) => self.error_unknown_customer,
            DomainError::InvalidCustomerId(_) => self.error_invalid_customer_id,
            DomainError::DomainTaken(_) => self.error_domain_taken,
            DomainError::StaleEtag => self.error_stale,
            DomainError::InvalidNewCustomer(problem) => match problem {
                NewCustomerProblem::NameEmpty => self.error_new_customer_name_empty,
                NewCustomerProblem::NameTooLong => self.error_new_customer_name_too_long,
                NewCustomerProblem::NameHasControlCharacters => self.error_new_customer_name_control,
                NewCustomerProblem::InvalidDomain => self.error_new_customer_domain,
                NewCustomerProblem::InvalidEmail => self.error_new_customer_email,
            },
            DomainError::NotAllowedToOrder { .. } => self.error_not_allowed_to_order,
            DomainError::NotAllowedToManageRoles { .. } => self.error_not_allowed_to_manage_roles,
            DomainError::InvalidCart(_) => self.error_invalid_cart,
            DomainError::AzurePlanExists(_) => self.error_azure_plan_exists,
            DomainError::UnknownSubscription(_)
            | DomainError::UnknownOrder(_)
            | DomainError::UnknownReservation(_)
            | DomainError::UnknownSavingsPlan(_) => self.error_not_found,
            DomainError::UnknownAzureSubscription(_) => self.error_unknown_azure_subscription,
            DomainError::UnknownPrincipal(_) => self.error_unknown_principal,
            DomainError::RoleAssignmentExists => self.error_role_assignment_exists,
            DomainError::RoleAssignmentUpdateNotPermitted(_) => self.error_role_assignment_unchangeable,
            DomainError::PurchaseNotAllowed { permission, partner_name } => {
                return fill(self.error_purchase_not_allowed, &[("product", self.permission(*permission)), ("partner", partner_name)]);
            }
            DomainError::NoEligibleSubscriptions => self.error_no_eligible_subscriptions,
            DomainError::NotOwnerOfSubscription(_) => self.error_not_owner,
            DomainError::PurchaseIdTaken => self.error_purchase_id_taken,
            DomainError::PartnerUsersOnly => self.error_partner_users_only,
            DomainError::CustomerUsersOnly => self.error_customer_users_only,
            DomainError::NotAllowedToManagePurchases { .. } => self.error_not_allowed_to_manage_purchases,
            DomainError::AskYourPartner { partner_name, partner_email } => {
                return fill(self.error_ask_your_partner, &[("partner", partner_name), ("email", partner_email)]);
            }
            DomainError::BenefitNotActive => self.error_benefit_not_active,
            DomainError::SavingsPlanNotReturnable => self.error_savings_plan_not_returnable,
            DomainError::RefundLimitExceeded { limit, consumed, refund } => {
                return fill(
                    self.error_refund_limit,
                    &[("limit", &self.money(*limit)), ("consumed", &self.money(*consumed)), ("refund", &self.money(*refund))],
                );
            }
            DomainError::ExchangeBelowReturnedValue { returned, purchase } => {
                return fill(self.error_exchange_below_returned, &[("purchase", &self.money(*purchase)), ("returned", &self.money(*returned))]);
            }
            DomainError::UnknownQuote => self.error_unknown_quote,
            DomainError::UnknownRequest(_) => self.error_not_found,
            DomainError::RequestDecided => self.error_request_decided,
            DomainError::RequestMismatch => self.error_request_mismatch,
            DomainError::RequestPending => self.error_request_pending,
            DomainError::QuantityNotAvailable { available } => {
                return fill(self.error_quantity_not_available, &[("available", &self.number(*available as usize))]);
            }
            DomainError::InvalidRequestText(problem) => match problem {
                RequestTextProblem::Empty => self.error_request_text_empty,
                RequestTextProblem::TooLong => self.error_request_text_too_long,
                RequestTextProblem::HasControlCharacters => self.error_request_text_control,
            },
            DomainError::InvalidPurchase(problem) => match problem {
                PurchaseProblem::Quantity => self.error_purchase_quantity,
                PurchaseProblem::CommitmentTooSmall => self.error_commitment_too_small,
                PurchaseProblem::CommitmentTooLarge => self.error_commitment_too_large,
                PurchaseProblem::NameTooLong => self.error_purchase_name_too_long,
                PurchaseProblem::NameHasControlCharacters => self.error_purchase_name_control,
                PurchaseProblem::Alias => self.error_purchase_alias,
            },
        };
        text.to_string()
    }
}
