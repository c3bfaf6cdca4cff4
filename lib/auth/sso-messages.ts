import { ACCOUNT_DEACTIVATED, NO_ORGANISATION, SSO_DOMAIN_REFUSED, SSO_NO_NEW_USERS } from "./sso-codes.ts";

/** The login page's words for a refused single sign-on (the code comes back in ?error=). */
export function ssoErrorMessage(code: string): string | null {
  switch (code) {
    case SSO_DOMAIN_REFUSED:
      return "Your email's domain is not allowed to join this Warroom through single sign-on. Ask an admin to invite you.";
    case SSO_NO_NEW_USERS:
      return "You have no Warroom account yet, and single sign-on does not create new ones here. Ask an admin to invite you.";
    case ACCOUNT_DEACTIVATED:
      return "This account was deactivated. Ask an admin of your organisation.";
    case NO_ORGANISATION:
      return "Warroom is not set up yet: an admin must complete first-run setup first.";
    default:
      return null;
  }
}
