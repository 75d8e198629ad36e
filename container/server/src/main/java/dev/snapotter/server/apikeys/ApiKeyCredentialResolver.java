package dev.snapotter.server.apikeys;

import dev.snapotter.server.auth.CredentialResolver;
import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.auth.RoleRepository;
import dev.snapotter.server.users.UserRepository;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Resolves {@code si_...} keys; effective permissions = owner's role ∩ key scope. */
public final class ApiKeyCredentialResolver implements CredentialResolver {

    private final ApiKeyService keys;
    private final UserRepository users;
    private final RoleRepository roles;

    public ApiKeyCredentialResolver(ApiKeyService keys, UserRepository users, RoleRepository roles) {
        this.keys = keys;
        this.users = users;
        this.roles = roles;
    }

    @Override
    public Optional<Principal> resolve(String token) {
        if (!token.startsWith("si_")) return Optional.empty();
        return keys.authenticate(token).flatMap(k -> users.findById(k.userId()).map(u -> {
            Set<Permission> effective = EnumSet.noneOf(Permission.class);
            effective.addAll(roles.permissionsOf(u.role()));
            if (k.scope() != null) effective.retainAll(k.scope());
            return new Principal(u.id(), u.username(), u.role(), effective, u.mustChangePassword(), Principal.Via.API_KEY, k.id());
        }));
    }
}
