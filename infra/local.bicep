// The cloud half of running Roundtable inside Teams from a developer's machine
// (m365agents.local.yml): storage and Web PubSub that the locally running API reaches with the
// developer's own Azure CLI sign-in, and the bot registration pointing at the dev tunnel. The tab
// and the API themselves run locally; nothing here stores a secret.
@minLength(1)
@maxLength(16)
param environmentName string

@minLength(3)
@maxLength(10)
param resourceBaseName string = 'roundtable'

param location string = resourceGroup().location

@description('Object id of the developer (az ad signed-in-user show --query id -o tsv).')
param developerPrincipalId string

param botAppId string
param botTenantId string

@description('The dev tunnel URL of the local API, without a trailing slash.')
param apiEndpoint string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var base = toLower(resourceBaseName)
var tags = {
  app: 'roundtable'
  environment: environmentName
}
var endQueue = 'meeting-ends'
// Later looks at what Teams recorded (Graph), each sent with a visibility delay.
var measuresQueue = 'meeting-measures'
var developer = [
  {
    principalId: developerPrincipalId
    principalType: 'User'
  }
]

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${replace(base, '-', '')}${token}', 24)
    location: location
    tags: tags
    tableNames: [
      'meetings'
      'summaries'
      'serviceurls'
    ]
    queueNames: [
      endQueue
      '${endQueue}-poison'
      measuresQueue
      '${measuresQueue}-poison'
    ]
    principals: developer
  }
}

module webPubSub 'modules/webpubsub.bicep' = {
  name: 'webpubsub'
  params: {
    name: 'wps-${base}-${token}'
    location: location
    tags: tags
    hubName: 'roundtable'
    sku: 'Free_F1'
    principals: developer
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${base}-${token}'
    tags: tags
    displayName: 'Roundtable (local)'
    botAppId: botAppId
    botTenantId: botTenantId
    messagingEndpoint: '${apiEndpoint}/api/messages'
  }
}

output LOCAL_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output LOCAL_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output LOCAL_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output LOCAL_WEBPUBSUB_ENDPOINT string = webPubSub.outputs.endpoint
output LOCAL_WEBPUBSUB_HUB string = webPubSub.outputs.hubName
