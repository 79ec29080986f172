//! Customer users signing in on their own (the Azure portal side): who they are, which
//! company they belong to, and which of its Azure subscriptions they see. A customer user
//! only ever sees their own company.

use crate::caller::Caller;
use crate::customers::{Customer, CustomerUser, UserState};
use crate::error::DomainError;
use crate::ids::CustomerUpn;
use crate::permissions::PermissionSet;
use crate::store::PartnerStore;
use crate::subscriptions::AzureSubscriptionView;

/// A company and its users who can sign in, for the identity switcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyUsers {
    pub customer: Customer,
    pub users: Vec<CustomerUser>,
}

impl PartnerStore {
    /// The active customer user who signs in as `upn`, and their company;
    /// [`DomainError::UnknownCustomerUser`] for anyone else.
    pub fn customer_user(&self, upn: &CustomerUpn) -> Result<(&Customer, &CustomerUser), DomainError> {
        let unknown = || DomainError::UnknownCustomerUser(upn.as_str().chars().take(256).collect());
        let id = self.customers.find_domain(upn.domain()).ok_or_else(unknown)?;
        let entry = self.customers.entry(&id)?;
        let user = self
            .users_of(&id)
            .iter()
            .find(|u| u.state == UserState::Active && u.user_principal_name.eq_ignore_ascii_case(upn.as_str()))
            .ok_or_else(unknown)?;
        Ok((entry.customer(), user))
    }

    /// The users of the hand-made demo customers who can sign in, by company name: the
    /// identity switcher lists them.
    pub fn companies_to_sign_in_as(&self) -> Vec<CompanyUsers> {
        self.customers
            .hand_made()
            .map(|entry| {
                let customer = entry.customer().clone();
                let users = self.users_of(&customer.id).iter().filter(|u| u.state == UserState::Active).cloned().collect();
                CompanyUsers { customer, users }
            })
            .filter(|c| !c.users.is_empty())
            .collect()
    }

    /// The Azure subscriptions of the customer user's company, each with its role
    /// assignments; suspended ones too, with their status.
    pub fn my_azure_subscriptions(&self, upn: &CustomerUpn) -> Result<Vec<AzureSubscriptionView>, DomainError> {
        let (customer, _) = self.customer_user(upn)?;
        let caller = Caller::Customer(upn.clone());
        self.subscriptions_of(&customer.id)
            .iter()
            .filter(|s| s.offer.is_azure())
            .flat_map(|s| s.azure_subscription_ids.iter())
            .map(|azure| self.azure_subscription(&caller, azure))
            .collect()
    }

    /// Which products the customer user's partner lets their company buy.
    pub fn my_permissions(&self, upn: &CustomerUpn) -> Result<PermissionSet, DomainError> {
        let (customer, _) = self.customer_user(upn)?;
        Ok(self.permissions_of(&customer.id))
    }
}
