export { subscribeNotifications, NOTIFY_TOPIC, type NotificationDeps } from "./notify.js";
export type { NotificationStore } from "./notification-store.js";
export type { NetworkMember } from "./recipients.js";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../shared/task-failure.js";
