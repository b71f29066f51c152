// Azure Web PubSub for live updates. Access keys are off (disableLocalAuth): the API signs client
// URLs and publishes to meeting groups with its identity, which needs Web PubSub Service Owner.
// The hub has no event handlers: clients only receive, and join only the group their URL allows.
param name string
param location string
param tags object

@description('The hub the API publishes to; the API reads it from WEBPUBSUB_HUB.')
param hubName string

@description('Free_F1 allows 20 concurrent connections; a real deployment needs Standard_S1.')
@allowed([
  'Free_F1'
  'Standard_S1'
  'Premium_P1'
])
param sku string

@description('Who may publish and sign client URLs: [{ principalId, principalType }].')
param principals array

var webPubSubServiceOwner = '12cf5a90-567b-43ae-8102-96cf46c7d9b4'
var tiers = {
  Free_F1: 'Free'
  Standard_S1: 'Standard'
  Premium_P1: 'Premium'
}

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
    tier: tiers[sku]
    capacity: 1
  }
  properties: {
    disableLocalAuth: true
    disableAadAuth: false
    publicNetworkAccess: 'Enabled'
    tls: {
      clientCertEnabled: false
    }
  }
}

resource hub 'Microsoft.SignalRService/webPubSub/hubs@2024-03-01' = {
  parent: webPubSub
  name: hubName
  properties: {
    anonymousConnectPolicy: 'deny'
    eventHandlers: []
    eventListeners: []
  }
}

resource owners 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principal in principals: {
    name: guid(webPubSub.id, principal.principalId, webPubSubServiceOwner)
    scope: webPubSub
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', webPubSubServiceOwner)
      principalId: principal.principalId
      principalType: principal.principalType
    }
  }
]

output endpoint string = 'https://${webPubSub.properties.hostName}'
output hubName string = hub.name
