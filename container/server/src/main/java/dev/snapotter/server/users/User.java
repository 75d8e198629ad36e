package dev.snapotter.server.users;

/** A user account row (the password hash never leaves the repository layer). */
public record User(String id, String username, String role, String team, boolean mustChangePassword, long createdAt, long updatedAt) {
}
