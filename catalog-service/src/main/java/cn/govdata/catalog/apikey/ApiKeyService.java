package cn.govdata.catalog.apikey;

import cn.govdata.catalog.security.ApiKeys;
import cn.govdata.catalog.security.Caller;
import cn.govdata.catalog.security.Role;
import cn.govdata.catalog.security.UserRepository;
import cn.govdata.catalog.web.ApiException;
import cn.govdata.governance.validation.InvalidFieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for the data APIs: every signed-in user creates, lists and revokes their own keys;
 * governance administrators those of anyone, and only they set a key's own limits. A key is shown
 * once, when created; only its SHA-256 is stored. Each data request passes {@link #admit} (rate and
 * daily quotas) and is then counted by {@link #count}.
 */
@Service
public class ApiKeyService {

  private final ApiKeyRepository keys;
  private final UsageRepository usage;
  private final UserRepository users;
  private final GatewayUsers gatewayUsers;
  private final DataApiLimits limits;
  private final RateLimiter rateLimiter;
  private final Clock clock;

  @Autowired
  ApiKeyService(
      ApiKeyRepository keys,
      UsageRepository usage,
      UserRepository users,
      GatewayUsers gatewayUsers,
      DataApiLimits limits) {
    this(keys, usage, users, gatewayUsers, limits, System::nanoTime, Clock.systemUTC());
  }

  ApiKeyService(
      ApiKeyRepository keys,
      UsageRepository usage,
      UserRepository users,
      GatewayUsers gatewayUsers,
      DataApiLimits limits,
      java.util.function.LongSupplier nanoClock,
      Clock clock) {
    this.keys = keys;
    this.usage = usage;
    this.users = users;
    this.gatewayUsers = gatewayUsers;
    this.limits = limits;
    this.rateLimiter = new RateLimiter(nanoClock);
    this.clock = clock;
  }

  /** What a caller asks for when creating a key; {@code owner} and limits are for admins. */
  public record NewKey(
      String label, String owner, Integer requestsPerSecond, Long dailyRequests, Long dailyRows) {}

  /** A new key: the only time the key itself is shown. */
  public record CreatedKey(ApiKey key, String apiKey) {}

  @Transactional
  public CreatedKey create(Caller caller, NewKey request) {
    requireSignedIn(caller);
    NewKey wanted = request == null ? new NewKey(null, null, null, null, null) : request;
    boolean admin = caller.is(Role.GOVERNANCE_ADMIN);
    String owner = wanted.owner() == null ? caller.username() : wanted.owner();
    if (!owner.equals(caller.username()) && !admin) {
      throw ApiException.forbidden(
          "api-key.own-only", "only a governance administrator issues keys for other users");
    }
    ApiKeyRepository.Limits own =
        new ApiKeyRepository.Limits(
            wanted.requestsPerSecond(), wanted.dailyRequests(), wanted.dailyRows());
    if (!own.equals(ApiKeyRepository.Limits.DEFAULTS) && !admin) {
      throw ApiException.forbidden(
          "api-key.limits-admin", "only a governance administrator sets a key's own limits");
    }
    requirePositive(own.requestsPerSecond(), "requestsPerSecond");
    requirePositive(own.dailyRequests(), "dailyRequests");
    requirePositive(own.dailyRows(), "dailyRows");
    if (wanted.label() != null && wanted.label().length() > 100) {
      throw new InvalidFieldException("label", "max-length", "label has at most 100 characters");
    }
    if (!users.exists(owner)) {
      throw new InvalidFieldException("owner", "user.unknown", "there is no user " + owner);
    }
    String key = ApiKeys.generate();
    long id = keys.insert(owner, ApiKeys.hash(key), wanted.label(), own);
    gatewayUsers.publish();
    return new CreatedKey(keys.find(id).orElseThrow(), key);
  }

  @Transactional(readOnly = true)
  public List<ApiKey> list(Caller caller) {
    requireSignedIn(caller);
    return keys.list(caller.is(Role.GOVERNANCE_ADMIN) ? null : caller.username());
  }

  /** Revokes a key; another user's key is not found unless the caller is an administrator. */
  @Transactional
  public ApiKey revoke(Caller caller, long id) {
    ApiKey key = visible(caller, id);
    keys.revoke(id);
    gatewayUsers.publish();
    return keys.find(key.id()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<UsageRepository.Usage> usage(
      Caller caller, Long keyId, LocalDate from, LocalDate to) {
    requireSignedIn(caller);
    if (keyId != null) {
      visible(caller, keyId);
    }
    LocalDate today = today();
    LocalDate until = to == null ? today : to;
    LocalDate since = from == null ? until.minusDays(30) : from;
    if (since.isAfter(until)) {
      throw new InvalidFieldException("from", "range", "from must not be after to");
    }
    return usage.list(
        caller.is(Role.GOVERNANCE_ADMIN) ? null : caller.username(), keyId, since, until);
  }

  /** The active key behind a raw {@code X-API-Key} value. */
  @Transactional(readOnly = true)
  public Optional<ApiKey> active(String rawKey) {
    return rawKey == null || rawKey.isBlank()
        ? Optional.empty()
        : keys.findActiveByHash(ApiKeys.hash(rawKey.strip()));
  }

  /**
   * Lets a data request of {@code key} on dataset {@code entryId} go ahead, or throws 429: over the
   * key's rate (token bucket), or over its daily request or row quota. A refusal is counted too.
   */
  // not one transaction: a refusal must stay counted although the request fails
  public void admit(ApiKey key, long entryId) {
    int rate =
        key.requestsPerSecond() == null ? limits.requestsPerSecond() : key.requestsPerSecond();
    int burst = Math.max(rate, limits.burst());
    long waitNanos = rateLimiter.acquire(key.id(), rate, burst);
    if (waitNanos > 0) {
      usage.add(key.id(), entryId, today(), 0, 0, 1);
      throw new TooManyRequestsException(
          "api-key.rate",
          "API key " + key.id() + " is limited to " + rate + " requests per second",
          Duration.ofNanos(waitNanos).toSeconds() + 1);
    }
    long[] totals = usage.dayTotals(key.id(), today());
    long dailyRequests = key.dailyRequests() == null ? limits.dailyRequests() : key.dailyRequests();
    long dailyRows = key.dailyRows() == null ? limits.dailyRows() : key.dailyRows();
    if (totals[0] >= dailyRequests || totals[1] >= dailyRows) {
      usage.add(key.id(), entryId, today(), 0, 0, 1);
      throw new TooManyRequestsException(
          totals[0] >= dailyRequests ? "api-key.daily-requests" : "api-key.daily-rows",
          "API key "
              + key.id()
              + " has used its daily quota ("
              + dailyRequests
              + " requests, "
              + dailyRows
              + " rows); it resets at midnight "
              + limits.quotaZone(),
          secondsToMidnight());
    }
  }

  /** Counts one answered request and its rows. */
  @Transactional
  public void count(ApiKey key, long entryId, long rows) {
    usage.add(key.id(), entryId, today(), 1, rows, 0);
  }

  private ApiKey visible(Caller caller, long id) {
    requireSignedIn(caller);
    return keys.find(id)
        .filter(k -> caller.is(Role.GOVERNANCE_ADMIN) || k.owner().equals(caller.username()))
        .orElseThrow(() -> ApiException.notFound("API key", id));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(limits.quotaZone()));
  }

  private long secondsToMidnight() {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(limits.quotaZone()));
    ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(limits.quotaZone());
    return Duration.between(now, midnight).toSeconds() + 1;
  }

  private static void requireSignedIn(Caller caller) {
    if (caller.isAnonymous()) {
      throw ApiException.forbidden("authentication.required", "sign in to manage API keys");
    }
  }

  private static void requirePositive(Number value, String field) {
    if (value != null && value.longValue() < 1) {
      throw new InvalidFieldException(field, "range", field + " must be at least 1");
    }
  }
}
