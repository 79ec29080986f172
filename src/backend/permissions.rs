//! Customer permissions: what a customer may buy on its own, and turning that On or Off.

use api_types::policy::{
    policy_permissions, EtagAttributes, NewPolicy, PolicyUpdate, SelfServeEntity, SelfServeEntityType, SelfServePolicy,
};
use api_types::endpoint::{CreateSelfServePolicy, DeleteSelfServePolicy, ListSelfServePolicies, UpdateSelfServePolicy};
use async_trait::async_trait;
use domain::{Caller, CustomerId, DomainError, Etag, PermissionSet, Precondition};

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

/// A customer's permissions as read, with the version of the policy they were read from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Granted {
    pub permissions: PermissionSet,
    /// `None` while no permission is granted (there is no policy then).
    pub policy: Option<PolicyVersion>,
}

/// Which policy, in which version: what a change is made on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyVersion {
    /// The policy's id (`{partner}_{customer}` in Partner Center).
    pub id: String,
    pub etag: Etag,
}

#[async_trait(?Send)]
pub trait Permissions {
    async fn permissions(&self, caller: &Caller, id: CustomerId) -> Result<Granted, BackendError>;

    /// Makes `wanted` the customer's permissions, as `caller`, if they are still what was
    /// `read` ([`super::Refusal::Stale`] otherwise); the permissions as they are now.
    async fn set_permissions(
        &self,
        caller: &Caller,
        id: CustomerId,
        wanted: PermissionSet,
        read: &Granted,
    ) -> Result<Granted, BackendError>;
}

impl Granted {
    fn of(policy: Option<&domain::SelfServePolicy>) -> Self {
        match policy {
            Some(p) => Self {
                permissions: p.permissions.clone(),
                policy: Some(PolicyVersion { id: p.customer_id.to_string(), etag: p.etag.clone() }),
            },
            None => Self::default(),
        }
    }

    fn from_wire(policy: &SelfServePolicy) -> Self {
        Self {
            permissions: policy.permission_set(),
            policy: Some(PolicyVersion { id: policy.id.clone(), etag: policy.etag() }),
        }
    }
}

#[async_trait(?Send)]
impl Permissions for EmbeddedStore {
    async fn permissions(&self, caller: &Caller, id: CustomerId) -> Result<Granted, BackendError> {
        self.read_as_partner(caller, |store, caller| Ok(Granted::of(store.policy(caller, &id)?)))
    }

    async fn set_permissions(
        &self,
        caller: &Caller,
        id: CustomerId,
        wanted: PermissionSet,
        read: &Granted,
    ) -> Result<Granted, BackendError> {
        let precondition = Precondition::from_read(read.policy.as_ref().map(|p| p.etag.clone()));
        let partner = caller.partner()?;
        self.change(|store, clock| store.decide_permissions(partner, &id, wanted, precondition, clock))?;
        self.permissions(caller, id).await
    }
}

#[async_trait(?Send)]
impl Permissions for PartnerCenterApi {
    async fn permissions(&self, caller: &Caller, id: CustomerId) -> Result<Granted, BackendError> {
        let found = self.call(caller, &ListSelfServePolicies { customer: id }).await?;
        Ok(found.items.first().map(Granted::from_wire).unwrap_or_default())
    }

    /// POST when no policy was read, DELETE when none should remain, PUT otherwise; each
    /// with the etag that was read, so a change made meanwhile by someone else wins. Nothing
    /// to revoke sends nothing, but reads again, as the embedded store decides: an unknown
    /// customer is refused, and a policy made meanwhile makes what was read stale.
    async fn set_permissions(
        &self,
        caller: &Caller,
        id: CustomerId,
        wanted: PermissionSet,
        read: &Granted,
    ) -> Result<Granted, BackendError> {
        match &read.policy {
            None if wanted.is_empty() => match self.permissions(caller, id).await? {
                Granted { policy: Some(_), .. } => Err(DomainError::StaleEtag.into()),
                none => Ok(none),
            },
            None => {
                let created = self.call(caller, &CreateSelfServePolicy { body: NewPolicy::new(id, &wanted) }).await?;
                Ok(Granted::from_wire(&created))
            }
            Some(policy) if wanted.is_empty() => {
                let (id, etag) = (policy.id.clone(), policy.etag.as_str().to_string());
                self.call(caller, &DeleteSelfServePolicy { id, etag }).await?;
                Ok(Granted::default())
            }
            Some(policy) => {
                let body = PolicyUpdate {
                    id: Some(policy.id.clone()),
                    self_serve_entity: Some(SelfServeEntity { self_serve_entity_type: SelfServeEntityType::Customer, tenant_id: id }),
                    grantor: None,
                    permissions: policy_permissions(&wanted),
                    attributes: Some(EtagAttributes { etag: policy.etag.as_str().to_string() }),
                };
                let updated = self.call(caller, &UpdateSelfServePolicy { id: policy.id.clone(), body }).await?;
                Ok(Granted::from_wire(&updated))
            }
        }
    }
}
