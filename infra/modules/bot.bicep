// The Azure Bot registration Teams uses to deliver meeting events to /api/messages and through
// which the API posts the organiser's card. Single-tenant: Azure no longer creates multi-tenant bots.
param name string
param tags object

@maxLength(42)
param displayName string

@description('Client id of the bot\'s Entra app registration (BOT_ID).')
param botAppId string

@description('Tenant of the bot\'s app registration.')
param botTenantId string

@description('https://<api host>/api/messages')
param messagingEndpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: botAppId
    msaAppTenantId: botTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
