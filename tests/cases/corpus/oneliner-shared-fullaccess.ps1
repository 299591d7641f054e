# Give the Help Desk Agents group Full Access to every shared and resource mailbox
Get-Mailbox -RecipientTypeDetails SharedMailbox,RoomMailbox,EquipmentMailbox -ResultSize Unlimited | Add-MailboxPermission -User "Help Desk Agents" -AccessRights FullAccess -InheritanceType All -AutoMapping $false
