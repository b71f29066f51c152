// Roundtable in one resource group: the API on Functions Flex Consumption, its storage, Web PubSub,
// Key Vault, monitoring, the tab on Static Web Apps and the Teams bot registration. Deployed by
// the Microsoft 365 Agents Toolkit (m365agents.yml, arm/deploy) with azure.parameters.json; every
// output becomes an environment variable of the same name in env/.env.<environment>.
@description('The Agents Toolkit environment (dev, prod, ...); part of every resource name.')
@minLength(1)
@maxLength(16)
param environmentName string

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(10)
param resourceBaseName string = 'roundtable'

param location string = resourceGroup().location

@description('Static Web Apps is offered in a few regions only.')
param staticWebAppLocation string = 'westeurope'

@allowed([
  'Free'
  'Standard'
])
param staticWebAppSku string = 'Free'

@allowed([
  'Free_F1'
  'Standard_S1'
  'Premium_P1'
])
param webPubSubSku string = 'Free_F1'

@description('The Teams app id (TEAMS_APP_ID): the manifest id, as Teams knows a sideloaded app.')
param teamsAppId string

@description('The id the organisation\'s catalogue gives the app once published (TEAMS_APP_PUBLISHED_APP_ID); deep links use it when set.')
param teamsCatalogAppId string = ''

@description('Tenant whose users may sign in; more tenants: a comma-separated list.')
param allowedTenants string

@description('Client id of the one Entra app for the bot, the tab\'s SSO and resource-specific consent (BOT_ID).')
param botAppId string

@description('Tenant of the bot\'s app registration (BOT_TENANT_ID).')
param botTenantId string

@secure()
@description('The bot app registration\'s client secret; stored in Key Vault only.')
param botAppSecret string

@secure()
@minLength(32)
@description('The pseudonym key, at least 32 characters; stored in Key Vault only.')
param roundtableSecret string

@description('The Microsoft cloud the tenant is in; GCC High and DoD are not supported yet.')
@allowed([
  'public'
  'gcc'
])
param teamsCloud string = 'public'
param recordRetentionDays int = 30
param summaryRetentionDays int = 400

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var base = toLower(resourceBaseName)
var tags = {
  app: 'roundtable'
  environment: environmentName
}
var hubName = 'roundtable'
var meetingsTable = 'meetings'
var summariesTable = 'summaries'
var serviceUrlsTable = 'serviceurls'
var endQueue = 'meeting-ends'
// Later looks at what Teams recorded (Graph), each sent with a visibility delay.
var measuresQueue = 'meeting-measures'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${base}-${token}'
    location: location
    tags: tags
  }
}

var appPrincipal = [
  {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
  }
]

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${base}-${token}'
    appInsightsName: 'appi-${base}-${token}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${replace(base, '-', '')}${token}', 24)
    location: location
    tags: tags
    tableNames: [
      meetingsTable
      summariesTable
      serviceUrlsTable
    ]
    queueNames: [
      endQueue
      '${endQueue}-poison'
      measuresQueue
      '${measuresQueue}-poison'
    ]
    principals: appPrincipal
  }
}

module webPubSub 'modules/webpubsub.bicep' = {
  name: 'webpubsub'
  params: {
    name: 'wps-${base}-${token}'
    location: location
    tags: tags
    hubName: hubName
    sku: webPubSubSku
    principals: appPrincipal
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('kv-${base}-${token}', 24)
    location: location
    tags: tags
    roundtableSecret: roundtableSecret
    botAppSecret: botAppSecret
    readerPrincipalId: identity.outputs.principalId
  }
}

module tab 'modules/staticwebapp.bicep' = {
  name: 'tab'
  params: {
    name: 'swa-${base}-${token}'
    location: staticWebAppLocation
    tags: tags
    sku: staticWebAppSku
  }
}

var tabDomain = tab.outputs.defaultHostname

module api 'modules/functionapp.bicep' = {
  name: 'api'
  params: {
    planName: 'plan-${base}-${token}'
    name: 'func-${base}-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: 'function-deployments'
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    meetingsTableName: meetingsTable
    tabOrigin: 'https://${tabDomain}'
    // The tab's SSO resource (webApplicationInfo.resource in the Teams manifest): the bot's app.
    entraApplicationIdUri: 'api://${tabDomain}/botid-${botAppId}'
    entraAllowedTenants: allowedTenants
    botAppId: botAppId
    botTenantId: botTenantId
    teamsCloud: teamsCloud
    webPubSubEndpoint: webPubSub.outputs.endpoint
    webPubSubHub: webPubSub.outputs.hubName
    // Deep links name the app as Teams knows it: the catalogue's id once published.
    teamsAppId: empty(teamsCatalogAppId) ? teamsAppId : teamsCatalogAppId
    recordRetentionDays: recordRetentionDays
    summaryRetentionDays: summaryRetentionDays
    roundtableSecretUri: keyVault.outputs.roundtableSecretUri
    botAppSecretUri: keyVault.outputs.botAppSecretUri
    appInsightsConnectionString: monitoring.outputs.connectionString
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${base}-${token}'
    tags: tags
    displayName: 'Roundtable'
    botAppId: botAppId
    botTenantId: botTenantId
    messagingEndpoint: 'https://${api.outputs.defaultHostName}/api/messages'
  }
}

output TAB_DOMAIN string = tabDomain
output TAB_ENDPOINT string = 'https://${tabDomain}'
output API_DOMAIN string = api.outputs.defaultHostName
output API_ENDPOINT string = 'https://${api.outputs.defaultHostName}'
output API_FUNCTION_APP_NAME string = api.outputs.name
output API_FUNCTION_APP_RESOURCE_ID string = api.outputs.id
output AZURE_STATIC_WEB_APPS_RESOURCE_ID string = tab.outputs.id
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_BOT_SERVICE_NAME string = bot.outputs.name
