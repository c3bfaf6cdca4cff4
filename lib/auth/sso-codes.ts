// Codes a refused single sign-on sends back to the login page (?error=); client-safe.
export const SSO_DOMAIN_REFUSED = "SsoDomainNotAllowed";
export const SSO_NO_NEW_USERS = "SsoNoNewUsers";
export const ACCOUNT_DEACTIVATED = "AccountDeactivated";
export const NO_ORGANISATION = "NoOrganisation";
