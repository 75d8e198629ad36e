package dev.snapotter.server.users;

import dev.snapotter.server.auth.BuiltInRole;
import dev.snapotter.server.auth.PasswordHasher;
import dev.snapotter.server.auth.PasswordPolicy;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.auth.RoleRepository;
import dev.snapotter.server.config.ConfigLoader;
import dev.snapotter.server.http.ApiError;

import java.util.Optional;

/** User administration rules, including the escalation guards. */
public final class UserService {

    private final UserRepository users;
    private final RoleRepository roles;
    private final PasswordHasher hasher;
    private final int maxUsers;

    public UserService(UserRepository users, RoleRepository roles, PasswordHasher hasher, int maxUsers) {
        this.users = users;
        this.roles = roles;
        this.hasher = hasher;
        this.maxUsers = maxUsers;
    }

    public User create(String username, String password, String role, String team) {
        if (!ConfigLoader.USERNAME.matcher(username).matches()) {
            throw ApiError.badRequest("username must be 3-50 characters of A-Z a-z 0-9 _ . -");
        }
        PasswordPolicy.check(password);
        requireRole(role);
        checkTeam(team);
        if (maxUsers > 0 && users.count() >= maxUsers) throw ApiError.forbidden("The user limit (MAX_USERS=" + maxUsers + ") is reached");
        if (users.usernameTaken(username)) throw ApiError.conflict("Username already exists");
        return users.create(username, hasher.hash(password), role, team, true);
    }

    public User update(Principal actor, String id, Optional<String> role, Optional<String> team) {
        User target = users.findById(id).orElseThrow(() -> ApiError.notFound("User not found"));
        String newRole = role.orElse(target.role());
        requireRole(newRole);
        team.ifPresent(UserService::checkTeam);
        boolean demotingAdmin = isAdmin(target.role()) && !isAdmin(newRole);
        if (demotingAdmin && target.id().equals(actor.userId())) throw ApiError.forbidden("You cannot remove your own admin role");
        if (demotingAdmin && users.countWithRole(BuiltInRole.ADMIN.roleName()) <= 1) throw ApiError.forbidden("Cannot demote the last admin");
        users.update(id, newRole, team.orElse(target.team()));
        return users.findById(id).orElseThrow();
    }

    public User delete(Principal actor, String id) {
        User target = users.findById(id).orElseThrow(() -> ApiError.notFound("User not found"));
        if (target.id().equals(actor.userId())) throw ApiError.forbidden("You cannot delete your own account");
        if (isAdmin(target.role()) && users.countWithRole(BuiltInRole.ADMIN.roleName()) <= 1) throw ApiError.forbidden("Cannot delete the last admin");
        users.delete(id);
        return target;
    }

    /** Admin reset: new password, forced change at next login, every session and key revoked. */
    public User resetPassword(String id, String newPassword) {
        User target = users.findById(id).orElseThrow(() -> ApiError.notFound("User not found"));
        PasswordPolicy.check(newPassword);
        users.setPassword(id, hasher.hash(newPassword), true);
        users.revokeCredentials(id, null);
        return target;
    }

    /** Self-service change; keeps the caller's current session, revokes the rest and all API keys. */
    public void changePassword(Principal actor, String current, String next) {
        String hash = users.passwordHash(actor.userId()).orElseThrow(ApiError::unauthorized);
        if (current.length() > PasswordPolicy.MAX_LENGTH || !hasher.verify(current, hash)) {
            throw new ApiError(400, "INVALID_PASSWORD", "Current password is incorrect", null);
        }
        PasswordPolicy.check(next);
        if (next.equals(current)) throw ApiError.badRequest("The new password must differ from the current one");
        users.setPassword(actor.userId(), hasher.hash(next), false);
        String keep = actor.via() == Principal.Via.SESSION ? actor.credentialId() : null;
        users.revokeCredentials(actor.userId(), keep);
    }

    private void requireRole(String role) {
        if (role == null || !roles.exists(role)) throw ApiError.badRequest("Unknown role '" + role + "'");
    }

    private static void checkTeam(String team) {
        if (team == null || team.isBlank() || team.length() > 50 || team.matches(".*[<>\\p{Cntrl}].*")) {
            throw ApiError.badRequest("team must be 1-50 characters without < > or control characters");
        }
    }

    private static boolean isAdmin(String role) {
        return BuiltInRole.ADMIN.roleName().equals(role);
    }
}
