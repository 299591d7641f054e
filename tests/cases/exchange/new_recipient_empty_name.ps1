# A mandatory [string] parameter refuses an empty string at binding, before the cmdlet runs
# (ParameterArgumentValidationErrorEmptyStringNotAllowed); nothing is created.
New-Mailbox -Name '' -Shared
New-MailContact -Name '' -ExternalEmailAddress chris@tailspintoys.com
New-DistributionGroup ''
@(Get-Recipient -ResultSize Unlimited).Count
