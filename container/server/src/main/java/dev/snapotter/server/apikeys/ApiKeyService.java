package dev.snapotter.server.apikeys;

import dev.snapotter.server.auth.Permission;
import dev.snapotter.server.auth.Principal;
import dev.snapotter.server.auth.Tokens;
import dev.snapotter.server.http.ApiError;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * API keys: {@code si_} + 96 hex characters (48 random bytes), shown once. Stored as SHA-256 with a
 * 16-hex prefix of that digest for an indexed lookup. A fast digest is enough here (unlike passwords):
 * 384 random bits cannot be brute-forced, and a slow KDF on every API call would be a CPU DoS lever.
 */
public final class ApiKeyService {

    public static final Pattern FORMAT = Pattern.compile("^si_[0-9a-f]{96}$");
    private static final long TOUCH_INTERVAL_MS = 60_000;
    private static final long MAX_LIFETIME_MS = 10L * 366 * 24 * 3600 * 1000;

    /** A new key with its secret, returned to the client exactly once. */
    public record Created(ApiKey key, String secret) {
    }

    private final ApiKeyRepository repo;

    public ApiKeyService(ApiKeyRepository repo) {
        this.repo = repo;
    }

    public Created create(Principal owner, String name, List<String> permissionNames, Long expiresAt) {
        if (owner.userId() == null) throw ApiError.badRequest("API keys need an authenticated user (authentication is disabled)");
        if (name.isBlank() || name.length() > 100 || name.matches(".*[<>\\p{Cntrl}].*")) {
            throw ApiError.badRequest("name must be 1-100 characters without < > or control characters");
        }
        Set<Permission> scope = null;
        if (permissionNames != null) {
            scope = EnumSet.noneOf(Permission.class);
            for (String n : permissionNames) {
                Permission p = Permission.fromWire(n).orElseThrow(() -> ApiError.badRequest("Unknown permission '" + n + "'"));
                if (!owner.can(p)) throw ApiError.forbidden("A key cannot have permission " + n + " that you do not have");
                scope.add(p);
            }
        }
        long now = System.currentTimeMillis();
        if (expiresAt != null && (expiresAt <= now || expiresAt > now + MAX_LIFETIME_MS)) {
            throw ApiError.badRequest("expiresAt must be in the future and within 10 years");
        }
        String secret = "si_" + HexFormat.of().formatHex(Tokens.randomBytes(48));
        String hash = Tokens.sha256Hex(secret);
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), owner.userId(), name, scope, now, null, expiresAt);
        repo.insert(key, hash, hash.substring(0, 16));
        return new Created(key, secret);
    }

    /** The live key for a presented secret; updates last_used_at at most once a minute. */
    public java.util.Optional<ApiKey> authenticate(String secret) {
        if (!FORMAT.matcher(secret).matches()) return java.util.Optional.empty();
        String hash = Tokens.sha256Hex(secret);
        long now = System.currentTimeMillis();
        for (ApiKeyRepository.Stored s : repo.byPrefix(hash.substring(0, 16))) {
            if (Tokens.equalsConstantTime(hash, s.hash())) {
                if (s.key().expired(now)) return java.util.Optional.empty();
                if (s.key().lastUsedAt() == null || now - s.key().lastUsedAt() >= TOUCH_INTERVAL_MS) repo.touch(s.key().id(), now);
                return java.util.Optional.of(s.key());
            }
        }
        return java.util.Optional.empty();
    }

    public List<ApiKey> list(Principal caller, boolean all) {
        if (all) {
            if (!caller.can(Permission.APIKEYS_ALL)) throw ApiError.forbidden("Missing permission apikeys:all");
            return repo.all();
        }
        return caller.userId() == null ? List.of() : repo.forUser(caller.userId());
    }

    public ApiKey delete(Principal caller, String id) {
        ApiKey key = repo.find(id).orElseThrow(() -> ApiError.notFound("API key not found"));
        boolean own = key.userId().equals(caller.userId());
        // Someone else's key is reported as missing, not forbidden, so ids cannot be probed.
        if (!own && !caller.can(Permission.APIKEYS_ALL)) throw ApiError.notFound("API key not found");
        repo.delete(id);
        return key;
    }
}
