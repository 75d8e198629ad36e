package dev.snapotter.server.users;

import dev.snapotter.server.auth.CredentialResolver;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.auth.RoleRepository;
import dev.snapotter.server.auth.SessionRepository;

import java.util.Optional;

/** Resolves login-session tokens to callers with their role's permissions. */
public final class SessionCredentialResolver implements CredentialResolver {

    private final SessionRepository sessions;
    private final UserRepository users;
    private final RoleRepository roles;

    public SessionCredentialResolver(SessionRepository sessions, UserRepository users, RoleRepository roles) {
        this.sessions = sessions;
        this.users = users;
        this.roles = roles;
    }

    @Override
    public Optional<Principal> resolve(String token) {
        if (token.startsWith("si_") || token.length() > 100) return Optional.empty();
        return sessions.findByToken(token).flatMap(s -> users.findById(s.userId()).map(u ->
                new Principal(u.id(), u.username(), u.role(), roles.permissionsOf(u.role()), u.mustChangePassword(),
                        Principal.Via.SESSION, s.idHash())));
    }
}
