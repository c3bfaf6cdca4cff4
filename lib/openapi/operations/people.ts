import { ZAcceptInvitation, ZChangePassword, ZCompleteReset, ZInvite, ZSetup, ZUpdatePerson } from "../../people/schemas.ts";
import type { ApiOperation } from "../types.ts";
import { ADMINS, EVERYONE } from "./roles.ts";

const object = { type: "object" };
const person =
  "`Person`: `id, name, email, role, status` (`active`, `invited` or `deactivated`), `lastSignInAt`, `createdAt`, `invitation` (`{ expiresAt, state: valid|expired|revoked }` while invited).";
const link =
  "`link: { url, expiresAt }` is the one-time link (shown only in this answer); `email` is `sent`, `not_configured` (no `SMTP_URL`) or `failed`.";
const tag = "People and access" as const;

export const PEOPLE_OPERATIONS: ApiOperation[] = [
  {
    method: "POST",
    path: "/api/setup",
    operationId: "setUp",
    tag,
    summary: "First-run setup: the organisation and its first admin",
    description:
      "Only while the database has no organisation; afterwards (and for the loser of two concurrent calls) `403`. Then sign in as the admin.",
    auth: "public",
    body: { schema: ZSetup },
    responses: {
      201: { description: "`{ organization: { id, name, currency, timeZone }, admin: { id, name, email, role } }`.", schema: object },
      403: { description: "Warroom is already set up." },
    },
  },
  {
    method: "GET",
    path: "/api/people",
    operationId: "listPeople",
    tag,
    summary: "Everyone in the organisation, with status and last sign-in",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    responses: {
      200: { description: `\`{ people: [Person] }\`: active first, then invited, then deactivated. ${person}`, schema: object },
    },
  },
  {
    method: "POST",
    path: "/api/people/invitations",
    operationId: "invitePerson",
    tag,
    summary: "Invite someone by email with a role",
    description:
      "Adds the person as invited (teams can name them at once) and makes a one-time link valid for 7 days; emailed when `SMTP_URL` is set.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    body: { schema: ZInvite },
    responses: {
      201: { description: `\`{ person, link, email }\`. ${link} ${person}`, schema: object },
      409: { description: "The email already has an account (the message names it)." },
    },
  },
  {
    method: "PATCH",
    path: "/api/people/{id}",
    operationId: "updatePerson",
    tag,
    summary: "Change a role, deactivate or reactivate",
    description:
      "`active: false` ends the person's sessions and sockets at once, refuses their API tokens and sign-in; their history stays theirs. The last active admin cannot be demoted or deactivated (`422` naming why), nor can you deactivate yourself.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: { id: "The person's id." },
    body: { schema: ZUpdatePerson },
    responses: { 200: { description: `The person. ${person}`, schema: object } },
  },
  {
    method: "POST",
    path: "/api/people/{id}/invitation",
    operationId: "reissueInvitation",
    tag,
    summary: "A new invitation link for someone who has not joined",
    description: "Earlier links stop working. `409` when the person has already joined or is deactivated.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: { id: "The person's id." },
    responses: { 201: { description: `\`{ person, link, email }\`. ${link}`, schema: object } },
  },
  {
    method: "DELETE",
    path: "/api/people/{id}/invitation",
    operationId: "revokeInvitation",
    tag,
    summary: "Revoke a person's open invitation",
    description: "The link then opens a page saying it was revoked; revoking twice is harmless.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: { id: "The person's id." },
    responses: { 200: { description: `The person. ${person}`, schema: object } },
  },
  {
    method: "POST",
    path: "/api/people/{id}/password-reset",
    operationId: "issuePasswordReset",
    tag,
    summary: "A one-time password reset link for someone",
    description: "Valid for 24 hours, once; using it ends every session of the person. Warroom never shows or sends a password.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: { id: "The person's id." },
    responses: { 201: { description: `\`{ link, email }\`. ${link}`, schema: object } },
  },
  {
    method: "POST",
    path: "/api/invitations/accept",
    operationId: "acceptInvitation",
    tag,
    summary: "Accept an invitation: set name and password",
    description:
      "`token` is the last part of the invitation link. Then sign in with the email and password. Weak password: `422` naming the rule.",
    auth: "public",
    body: { schema: ZAcceptInvitation },
    responses: {
      200: { description: "`{ email }`.", schema: object },
      404: { description: "No such invitation." },
      409: { description: "The invitation expired, was used or was revoked: `details.state` says which." },
    },
  },
  {
    method: "POST",
    path: "/api/password-resets",
    operationId: "completePasswordReset",
    tag,
    summary: "Set a new password through a reset link",
    description: "`token` is the last part of the reset link. Every session of the person ends.",
    auth: "public",
    body: { schema: ZCompleteReset },
    responses: {
      200: { description: "`{ email }`.", schema: object },
      404: { description: "No such link." },
      409: { description: "The link expired, was used or was revoked: `details.state` says which." },
    },
  },
  {
    method: "PUT",
    path: "/api/account/password",
    operationId: "changeOwnPassword",
    tag,
    summary: "Change your own password",
    description:
      "The current password is required (`422` naming `currentPassword` when wrong). Every session of yours ends, this one too: sign in again with the new password.",
    auth: "session-or-token",
    roles: EVERYONE,
    body: { schema: ZChangePassword },
    responses: { 200: { description: "`{ ok: true }`.", schema: object } },
  },
];
