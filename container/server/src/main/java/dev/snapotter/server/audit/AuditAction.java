package dev.snapotter.server.audit;

/** SnapOtter's audit event names (research §3.8), plus SETTINGS_UPDATED which SnapOtter declared but never emitted. */
public enum AuditAction {
    LOGIN_SUCCESS, LOGIN_FAILED, LOGOUT,
    PASSWORD_CHANGED, PASSWORD_RESET,
    USER_CREATED, USER_UPDATED, USER_DELETED,
    API_KEY_CREATED, API_KEY_DELETED,
    PIPELINE_SAVED, PIPELINE_DELETED,
    SETTINGS_UPDATED
}
