import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/app-package/common.js';
import { placeholdersIn } from '../../scripts/app-package/environment.js';
import { schemaPath, validateManifest } from '../../scripts/app-package/schema.js';
import { localManifest } from './local-manifest.js';

const template = readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8');

describe('the Teams manifest', () => {
  it('validates offline against the official schema of its version', async () => {
    const { manifest, shape } = localManifest();
    expect(shape.manifestVersion).toMatch(/^1\.(2\d|3\d)$/);
    expect(existsSync(schemaPath(shape.manifestVersion))).toBe(true);
    await expect(validateManifest(manifest)).resolves.toEqual([]);
  });

  it('declares its languages: English by default, German and Arabic in their own files', () => {
    const { manifest } = localManifest();
    // msteams-docs concepts/build-and-test/apps-localization.md, "Localize strings in your app
    // manifest": localizationInfo with defaultLanguageTag and additionalLanguages (languageTag, file).
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [
        { languageTag: 'de', file: 'de.json' },
        { languageTag: 'ar', file: 'ar.json' },
      ],
    });
  });

  it('fails validation when the manifest is broken, naming what is wrong', async () => {
    const { manifest } = localManifest();
    const { id: _id, ...withoutId } = manifest;
    const problems = await validateManifest({
      ...withoutId,
      accentColor: 'teal',
      configurableTabs: [{ configurationUrl: 'https://x.test/', scopes: ['personal'] }],
    });
    expect(problems.join('\n')).toMatch(/required property 'id'/);
    expect(problems.join('\n')).toMatch(/\/accentColor/);
    expect(problems.join('\n')).toMatch(/\/configurableTabs\/0\/scopes\/0/);
  });

  it('refuses a $schema that does not match its manifestVersion', async () => {
    const { manifest } = localManifest();
    const problems = await validateManifest({
      ...manifest,
      $schema:
        'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^\/\$schema must point at the v1\.\d+ schema/),
    ]);
  });

  it('takes every per-environment value from the agreed variables, and none survives filling', () => {
    expect(placeholdersIn(template).sort()).toEqual([
      'API_DOMAIN',
      'APP_NAME_SUFFIX',
      'BOT_ID',
      'TAB_DOMAIN',
      'TAB_ENDPOINT',
      'TEAMS_APP_ID',
    ]);
    const { manifest } = localManifest();
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('is a meeting tab for group chats and channel meetings: side panel, chat and details', () => {
    const { shape, values } = localManifest();
    expect(shape.configurableTabs).toEqual([
      {
        configurationUrl: `${values.TAB_ENDPOINT ?? ''}/config.html`,
        canUpdateConfiguration: false,
        scopes: ['groupChat', 'team'],
        context: ['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab'],
      },
    ]);
    expect(shape.devicePermissions).toEqual([]);
    // Every page Teams loads tells it when it is ready (tabs/src/teams/use-sign-in.ts, and the
    // configuration page once Save is offered): the loading indicator relies on that.
    expect(shape.showLoadingIndicator).toBe(true);
  });

  it("uses the bot's one Entra app for SSO and consent, as Teams documents for a tab with a bot", () => {
    const { shape, values } = localManifest();
    expect(shape.id).toBe(values.TEAMS_APP_ID);
    // RSC grants attach to webApplicationInfo.id, and the meeting APIs are called as the bot
    // (graph-api/rsc/grant-resource-specific-consent.md); the SSO resource for an app with a bot is
    // api://<domain>/botid-<bot id> (tabs/how-to/authentication/tab-sso-register-aad.md).
    expect(shape.webApplicationInfo).toEqual({
      id: values.BOT_ID,
      resource: `api://${values.TAB_DOMAIN ?? ''}/botid-${values.BOT_ID ?? ''}`,
    });
    expect(shape.bots).toEqual([
      expect.objectContaining({
        botId: values.BOT_ID,
        scopes: ['groupChat', 'team'],
        isNotificationOnly: false,
      }),
    ]);
    expect(shape.name.short).toBe('Roundtable (local)');
  });

  it('asks for exactly the resource-specific permissions the code uses', () => {
    const { shape } = localManifest();
    const permissions = shape.authorization.permissions.resourceSpecific;
    expect(new Set(permissions.map((permission) => permission.name))).toEqual(
      new Set([
        // The role of each caller: GET {serviceUrl}/v1/meetings/{id}/participants/{oid}.
        'OnlineMeetingParticipant.Read.Chat',
        'ChannelMeetingParticipant.Read.Group',
        // Meeting start and end events to the bot, and the meeting details (the organiser).
        'OnlineMeeting.ReadBasic.Chat',
        'ChannelMeeting.ReadBasic.Group',
        // Targeted "You're next" notices: POST {serviceUrl}/v1/meetings/{id}/notification. Teams
        // offers them in scheduled meetings and calls, not in channel meetings, so the channel
        // variant is not asked for.
        'OnlineMeetingNotification.Send.Chat',
        // The transcript after a session, when the organiser asks for it: GET /users/{organiser}/
        // onlineMeetings/{id}/transcripts (graph-api/rsc/resource-specific-consent.md lists it for
        // meetings; calltranscript-get.md: scheduled private chat meetings only). Attendance
        // reports have no RSC permission for regular meetings (attendancerecord-list.md: the RSC
        // one "is only applicable to attendance reports for town halls or webinars"), so none is
        // asked for here; docs/deploy.md says what an admin grants instead.
        'OnlineMeetingTranscript.Read.Chat',
      ]),
    );
    expect(permissions).toHaveLength(6);
    expect(permissions.every((permission) => permission.type === 'Application')).toBe(true);
  });
});
