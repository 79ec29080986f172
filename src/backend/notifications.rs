//! The partner's notifications (the top bar's bell): customers' own purchases and requests,
//! with each partner user's read state. Over HTTP: `/v1/notifications` (this API's addition).

use api_types::endpoint::{ListNotifications, MarkNotifications};
use api_types::notification::MarkNotificationsRead;
use async_trait::async_trait;
use domain::{Caller, MarkRead, NotificationFeed};

use super::{BackendError, EmbeddedStore, PartnerCenterApi};

#[async_trait(?Send)]
pub trait Notifications {
    /// The caller's notifications, newest first, with the unread count (partner users only).
    async fn notifications(&self, caller: &Caller) -> Result<NotificationFeed, BackendError>;

    /// Marks the caller's notifications read, some or all.
    async fn mark_notifications_read(&self, caller: &Caller, which: MarkRead) -> Result<(), BackendError>;

    /// How many the caller has not read (the bell's count; a partner user's only).
    async fn unread_notifications(&self, caller: &Caller) -> Result<usize, BackendError> {
        caller.partner()?;
        Ok(self.notifications(caller).await?.unread)
    }
}

#[async_trait(?Send)]
impl Notifications for EmbeddedStore {
    async fn notifications(&self, caller: &Caller) -> Result<NotificationFeed, BackendError> {
        self.read(|store| store.notifications(caller))
    }

    async fn mark_notifications_read(&self, caller: &Caller, which: MarkRead) -> Result<(), BackendError> {
        self.change(|store, clock| store.decide_mark_read(caller, which, clock)).map(|_| ())
    }
}

#[async_trait(?Send)]
impl Notifications for PartnerCenterApi {
    async fn notifications(&self, caller: &Caller) -> Result<NotificationFeed, BackendError> {
        caller.partner()?;
        Ok(self.call(caller, &ListNotifications {}).await?.into_domain())
    }

    async fn mark_notifications_read(&self, caller: &Caller, which: MarkRead) -> Result<(), BackendError> {
        caller.partner()?;
        self.call(caller, &MarkNotifications { body: MarkNotificationsRead::of(&which) }).await.map(|_| ())
    }
}
